/**
 * The embedded engine's .ndjson reader (src/io/data-files.ts) parses a line with
 * JSON.parse and revives Extended JSON only where needed; it must give exactly what
 * bson's EJSON.parse(line, { relaxed: true }) gives, errors included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EJSON } from 'bson';
import { parseExtendedJsonLine, readCollectionFile, readJsonLinesFile } from '../src/io/data-files.js';
import { collectionText, parseCollectionText, writeChunks } from '../src/io/write-collection.js';
import { decimalsToDoubles, findInexactDecimal, isExactDecimalText } from '../src/io/json-decimals.js';

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
    it(`equals EJSON.parse (Decimal128 read as its double): ${line.slice(0, 60)}`, () => {
      const expected = decimalsToDoubles(EJSON.parse(line, { relaxed: true })) as unknown;
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

/**
 * `.ndjson` files are read in blocks of whole lines (src/io/data-files.ts), so that a
 * collection over V8's 512 MiB string limit can be read. Whatever the block size, the
 * documents and the error positions are those of reading the file as one text.
 */
describe('ndjson read in blocks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqletl-blocks-'));
  const write = (name: string, content: string | Buffer): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const errorOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (err) {
      return (err as Error).message;
    }
    return 'no error';
  };
  const SIZES = [1, 2, 3, 5, 7, 16, 64, 4096];

  it('gives the same documents at every block size (multi-byte characters, CRLF, blank lines, a BOM, no final newline)', () => {
    const text = '\uFEFF' + ['{"a":"é😀x","d":{"$date":"2024-01-01T00:00:00Z"}}', '', '{"b":[1,2,{"c":"ü"}]}\r', '   ', '{"e":"\u4e2d\u6587"}'].join('\n');
    const file = write('ok.ndjson', text);
    const whole = text.slice(1).split('\n').filter((l) => l.trim() !== '').map((l) => EJSON.parse(l, { relaxed: true }));
    expect(whole).toHaveLength(3);
    for (const size of SIZES) expect(readJsonLinesFile(file, size)).toStrictEqual(whole);
    expect(readCollectionFile(file)).toStrictEqual(whole);
  });

  it('reports a bad line at its line number in the file, at every block size', () => {
    const lines = ['{"a":1}', '{"a":2}', '', '{"a":3}', '{"a":', '{"a":6}'];
    const file = write('bad.ndjson', lines.join('\n') + '\n');
    for (const size of SIZES) expect(errorOf(() => readJsonLinesFile(file, size))).toMatch(/bad\.ndjson:5:\d+: /);
  });

  it('reports bytes that are not UTF-8 at their line and column, at every block size', () => {
    const file = write('latin1.ndjson', Buffer.concat([Buffer.from('{"a":1}\n{"a":2}\n{"a":3}\n{"s":"ab'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
    for (const size of SIZES) expect(errorOf(() => readJsonLinesFile(file, size))).toMatch(/latin1\.ndjson:4:9: invalid UTF-8/);
  });

  it('keeps a byte-order mark in the middle of a file (a bad line), as a whole-text read does', () => {
    const file = write('bom.ndjson', '{"a":1}\n\uFEFF{"a":2}\n');
    for (const size of SIZES) expect(errorOf(() => readJsonLinesFile(file, size))).toMatch(/bom\.ndjson:2/);
  });
});

describe('collection text in chunks (write-collection.ts)', () => {
  it('splits a large collection at line ends, and the chunks read back as the same documents', () => {
    const pad = 'x'.repeat(1000);
    const docs = Array.from({ length: 12_000 }, (_, i) => ({ _id: i, d: new Date(Date.UTC(2024, 0, 1) + i * 1000), s: `${i}é${pad}` }));
    const chunks = collectionText(docs);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(parseCollectionText(chunks)).toStrictEqual(docs);
    const file = join(mkdtempSync(join(tmpdir(), 'sqletl-chunks-')), 'c.ndjson');
    writeChunks(file, chunks);
    expect(readCollectionFile(file)).toStrictEqual(docs);
    expect(collectionText([])).toEqual([]);
  });
});

describe('integers sqletl cannot hold exactly (beyond 2^53 − 1)', () => {
  const file = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-exact-'));
    const f = join(dir, 't.ndjson');
    writeFileSync(f, text);
    return f;
  };

  it('a number beyond 2^53 − 1 is refused at its line and column, never read rounded', () => {
    const f = file('{"id": 1, "v": 9007199254740991}\n{"id": 2, "v": -9007199254740993}\n');
    expect(() => readJsonLinesFile(f)).toThrow(`${f}:2:16: the integer -9007199254740993 is beyond ±9007199254740991 (2^53 − 1)`);
  });

  it('a $numberLong beyond 2^53 − 1 too (EJSON would make it a rounded number)', () => {
    const f = file('{"v": {"$numberLong": "9223372036854775807"}}\n');
    expect(() => readJsonLinesFile(f)).toThrow(`${f}:1:24: the integer 9223372036854775807`);
  });

  it('the largest exact integers, digits inside strings, decimals and exponents are read as they are', () => {
    const f = file('{"a": 9007199254740991, "b": -9007199254740991, "s": "12345678901234567890", "k": {"$numberLong": "42"}, "d": 1234567890123456.5, "e": 1e20}\n');
    expect(readJsonLinesFile(f)).toStrictEqual([{ a: 9007199254740991, b: -9007199254740991, s: '12345678901234567890', k: 42, d: 1234567890123456.5, e: 1e20 }]);
  });

  it('a top-level field declared real or double precision reads such digits as the double JSON gives (PostgreSQL reads the text as a float)', () => {
    const f = file('{"id": 1, "f": 123456790000000000000}\n{"id": 2, "f": -123456790000000000000, "g": 1}\n');
    expect(readCollectionFile(f, new Set(['f']))).toStrictEqual([{ id: 1, f: 1.2345679e20 }, { id: 2, f: -1.2345679e20, g: 1 }]);
    // the same digits elsewhere are still refused: another field, a nested field of the same name, an array element, a $numberLong
    for (const text of [
      '{"f": 1, "i": 123456790000000000000}',
      '{"g": {"f": 123456790000000000000}}',
      '{"f": [123456790000000000000]}',
      '{"f": {"$numberLong": "9223372036854775807"}}',
    ]) {
      const col = text.search(/\d{16}/) + 1;
      expect(() => readCollectionFile(file(text + '\n'), new Set(['f']))).toThrow(`:1:${col}: the integer`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-exact-'));
    const json = join(dir, 't.json');
    writeFileSync(json, '[{"f": 123456790000000000000}, {"f": 1, "h": {"f": 123456790000000000000}}]');
    expect(() => readCollectionFile(json, new Set(['f']))).toThrow(`${json}:1:52: the integer`);
    writeFileSync(json, '[{"f": 123456790000000000000}]');
    expect(readCollectionFile(json, new Set(['f']))).toStrictEqual([{ f: 1.2345679e20 }]);
  });

  it('sqletl writes such a double so that it reads back without a declaration', () => {
    const docs = [{ f: 1e20, g: -(2 ** 60), i: 9007199254740991, s: 'x' }];
    const text = collectionText(docs).join('');
    expect(text).toContain('{"f":{"$numberDouble":"100000000000000000000"},"g":{"$numberDouble":"-1152921504606847000"},"i":9007199254740991');
    expect(parseCollectionText([text])).toStrictEqual(docs);
    const dir = mkdtempSync(join(tmpdir(), 'sqletl-exact-'));
    const f = join(dir, 't.ndjson');
    writeChunks(f, collectionText(docs));
    expect(readJsonLinesFile(f)).toStrictEqual(docs);
  });
});

describe('Decimal128 in data files (json-decimals.ts)', () => {
  it('reads a decimal the double holds with the same digits as that double, NaN and the infinities by name', () => {
    const line = '{"a":{"$numberDecimal":"19.99"},"b":{"$numberDecimal":"2.50"},"c":[{"$numberDecimal":"1E+3"},{"$numberDecimal":"-0"}],"d":{"$numberDecimal":"NaN"},"e":{"$numberDecimal":"-Infinity"}}';
    expect(parseExtendedJsonLine(line)).toStrictEqual({ a: 19.99, b: 2.5, c: [1000, -0], d: NaN, e: -Infinity });
    expect(decimalsToDoubles(EJSON.parse(line, { relaxed: true }))).toStrictEqual({ a: 19.99, b: 2.5, c: [1000, -0], d: NaN, e: -Infinity });
  });

  it('tells exact decimals from those a double would round', () => {
    for (const t of ['19.99', '2.50', '0.1', '1E+3', '1.5E-7', '-0', '0E-6176', '123456789012345', '9007199254740991', 'NaN', 'Infinity']) expect([t, isExactDecimalText(t)]).toEqual([t, true]);
    for (const t of ['1.000000000000000000001', '0.10000000000000000001', '9007199254740993', '1E+400', '12345678901234567890.5']) expect([t, isExactDecimalText(t)]).toEqual([t, false]);
  });

  it('refuses the first inexact decimal at its offset, in a line or a whole .json text', () => {
    expect(findInexactDecimal('{"a": {"$numberDecimal": "1.5"}, "b": {"$numberDecimal" : "0.10000000000000000001"}}')).toEqual({ offset: 59, text: '0.10000000000000000001' });
    const f = join(mkdtempSync(join(tmpdir(), 'sqletl-decimal-')), 't.json');
    writeFileSync(f, '[{"a": {"$numberDecimal": "2.5"}},\n {"a": {"$numberDecimal": "1.000000000000000000001"}}]');
    expect(() => readCollectionFile(f)).toThrow(`${f}:2:28: the Decimal128 1.000000000000000000001 has more digits than a double holds exactly`);
  });
});
