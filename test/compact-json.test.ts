import { describe, expect, test } from 'vitest';
import { compactJson } from '../src/mongo/compact-json.js';

describe('compactJson', () => {
  test('what fits in the width is on one line, with spaces after colons and commas', () => {
    expect(compactJson([{ $match: { status: 'A', n: { $numberInt: '1' } } }, { $sort: { at: -1 } }])).toBe(
      '[{"$match": {"status": "A", "n": {"$numberInt": "1"}}}, {"$sort": {"at": -1}}]',
    );
  });

  test('what does not fit has one member per line, each laid out again', () => {
    const value = { pipeline: [{ $set: { long: 'x'.repeat(60), other: 'y'.repeat(30) } }, { $limit: 5 }], empty: [], none: {} };
    expect(compactJson(value, 60)).toBe(
      [
        '{',
        '  "pipeline": [',
        '    {',
        '      "$set": {',
        `        "long": "${'x'.repeat(60)}",`,
        `        "other": "${'y'.repeat(30)}"`,
        '      }',
        '    },',
        '    {"$limit": 5}',
        '  ],',
        '  "empty": [],',
        '  "none": {}',
        '}',
      ].join('\n'),
    );
    for (const line of compactJson(value, 60).split('\n')) if (!line.includes('x'.repeat(60))) expect(line.length).toBeLessThanOrEqual(60);
  });

  test('parses back to the same value, keys in order (also __proto__, escapes, undefined left out as JSON does)', () => {
    const value = JSON.parse('{"b": 1, "a": [[], {}, [1, [2, [3]]]], "__proto__": {"$literal": "$5"}, "s": "quote \\" \\u2028 é\\n"}');
    for (const width of [0, 20, 100]) {
      const text = compactJson(value, width);
      expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(value));
    }
    expect(compactJson({ a: undefined, b: 1 })).toBe('{"b": 1}');
  });
});
