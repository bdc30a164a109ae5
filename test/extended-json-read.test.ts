/**
 * The embedded engine's .ndjson reader (src/io/data-files.ts) parses a line with
 * JSON.parse and revives Extended JSON only where needed; it must give exactly what
 * bson's EJSON.parse(line, { relaxed: true }) gives, errors included.
 */
import { describe, expect, it } from 'vitest';
import { EJSON } from 'bson';
import { parseExtendedJsonLine } from '../src/io/data-files.js';

const LINES = [
  '{"a":1,"s":"plain","n":null,"arr":[1,"x",{"b":true}]}',
  '{"d":{"$date":"2024-01-01T00:00:00Z"},"n":{"x":[{"$date":"2024-02-01T00:00:00.123Z"},1,"$x"]}}',
  '{"l":{"$numberLong":"12345678901234"},"o":{"$oid":"65a1b2c3d4e5f60718293a4b"},"dec":{"$numberDecimal":"1.5"}}',
  '{"d1":{"$date":{"$numberLong":"1700000000000"}},"d2":{"$date":1700000000000},"d3":{"$date":"not a date"}}',
  '{"d":{"$date":"2024-01-01T00:00:00Z","extra":1},"k":{"$foo":{"$date":"2024-01-01T00:00:00Z"},"b":1}}',
  '{"__proto__":{"$date":"2024-01-01T00:00:00Z"},"u":{"$undefined":true}}',
  '{"r":{"$regularExpression":{"pattern":"a.c","options":"i"}},"big":12345678901234567890,"neg":-0,"f":1.5e300}',
  '{"s":"has \\"$ inside","t":"$5","$k":1}',
  '{"$date":"2024-01-01T00:00:00Z"}',
  '[1,{"$date":"2024-01-01T00:00:00Z"}]',
  '"text"',
];

describe('parseExtendedJsonLine', () => {
  for (const line of LINES) {
    it(`equals EJSON.parse: ${line.slice(0, 60)}`, () => {
      const expected = EJSON.parse(line, { relaxed: true }) as unknown;
      const actual = parseExtendedJsonLine(line);
      expect(actual).toStrictEqual(expected);
      if (expected !== null && typeof expected === 'object') expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
    });
  }

  it('rejects a NUL in a field name as EJSON.parse does', () => {
    const line = '{"a":{"x\\u0000y":1}}';
    expect(() => EJSON.parse(line, { relaxed: true })).toThrow(/null bytes/);
    expect(() => parseExtendedJsonLine(line)).toThrow(/null bytes/);
  });

  it('throws JSON.parse\'s error on a syntax error', () => {
    expect(() => parseExtendedJsonLine('{"a":1,}')).toThrow(SyntaxError);
  });
});
