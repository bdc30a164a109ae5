import { Decimal128, EJSON, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { formatExplain } from '../src/explain-format.js';
import type { CompiledScript, MongoCommand } from '../src/commands/command-ir.js';
import type { Stage } from '../src/commands/mql-types.js';
import { printJson } from '../src/mongo/print-json.js';
import { printShell } from '../src/mongo/print-shell.js';

const plain = { color: false };
const ANSI = /\u001b\[/;

/** mongosh's constructors, so printed shell code can be evaluated back into values. */
function evalShell(code: string): unknown {
  const shell = {
    ISODate: (s: string) => new Date(s),
    NumberDecimal: (s: string) => Decimal128.fromString(s),
    NumberLong: (s: string) => Long.fromString(s),
    ObjectId: (s: string) => new ObjectId(s),
  };
  // collect what aggregate() is called with
  let captured: unknown;
  const coll = { aggregate: (pipeline: unknown, opts: unknown) => (captured = { pipeline, opts }) };
  const db = { getCollection: () => coll, getSiblingDB: () => db, aggregate: coll.aggregate };
  new Function('db', ...Object.keys(shell), code)(db, ...Object.values(shell));
  return captured;
}

describe('printShell', () => {
  it('prints a collection aggregate with allowDiskUse', () => {
    const out = printShell({ kind: 'aggregate', collection: 'orders', pipeline: [{ $match: { status: 'A' } }] }, plain);
    expect(out).toBe('db.getCollection("orders").aggregate([\n  { $match: { status: "A" } }\n], { allowDiskUse: true })');
  });

  it('prints a database-level aggregate and a sibling database', () => {
    expect(printShell({ kind: 'aggregate', pipeline: [{ $documents: [{ a: 1 }] }] }, plain)).toMatch(/^db\.aggregate\(\[/);
    const out = printShell({ kind: 'aggregate', db: 'sales', collection: 'orders', pipeline: [] }, plain);
    expect(out).toBe('db.getSiblingDB("sales").getCollection("orders").aggregate([], { allowDiskUse: true })');
  });

  it('prints dates, decimals, longs and ObjectIds as mongosh constructors', () => {
    const id = new ObjectId('65a1b2c3d4e5f60718293a4b');
    const out = printShell(
      { kind: 'aggregate', collection: 'c', pipeline: [{ $match: { at: { $gte: new Date('2024-01-31T00:00:00Z') }, d: Decimal128.fromString('1.10'), n: Long.fromString('9007199254740993'), _id: id } }] },
      plain,
    );
    expect(out).toContain('ISODate("2024-01-31T00:00:00.000Z")');
    expect(out).toContain('NumberDecimal("1.10")');
    expect(out).toContain('NumberLong("9007199254740993")');
    expect(out).toContain('ObjectId("65a1b2c3d4e5f60718293a4b")');
  });

  it('keeps $literal strings as data and quotes keys that are not identifiers', () => {
    const out = printShell(
      { kind: 'aggregate', collection: 'c', pipeline: [{ $project: { 'a.b': 1, 'first name': { $literal: '$5 off' }, ok_1: '$x', __proto__x: 1 } }] },
      plain,
    );
    expect(out).toContain('"a.b": 1');
    expect(out).toContain('"first name": { $literal: "$5 off" }');
    expect(out).toContain('ok_1: "$x"');
    expect(out).toContain('__proto__x: 1');
  });

  it('writes a __proto__ field as a computed key so it stays a field', () => {
    const stage = JSON.parse('{"$project": {"__proto__": 1}}') as Stage;
    const out = printShell({ kind: 'aggregate', collection: 'c', pipeline: [stage] }, plain);
    expect(out).toContain('["__proto__"]: 1');
    const { pipeline } = evalShell(out) as { pipeline: { $project: object }[] };
    expect(Object.keys(pipeline[0].$project)).toEqual(['__proto__']);
  });

  it('breaks long nested arrays over lines and keeps short ones on one line', () => {
    const branches = Array.from({ length: 6 }, (_, i) => ({ case: { $eq: ['$status', `status-number-${i}`] }, then: i }));
    const cmd: MongoCommand = { kind: 'aggregate', collection: 'c', pipeline: [{ $set: { s: { $switch: { branches, default: null } }, pair: [[1, 2], [3]] } }] };
    const out = printShell(cmd, plain);
    expect(out).toContain('pair: [[1, 2], [3]]');
    expect(out).toContain('        branches: [\n');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // what is printed evaluates back to the same pipeline
    expect(evalShell(out)).toEqual({ pipeline: cmd.pipeline, opts: { allowDiskUse: true } });
  });

  it('round-trips tricky strings and numbers through evaluation', () => {
    const pipeline = [{ $match: { s: 'quote " backslash \\ newline \n unicode é \u2028', n: -0.5, big: 1e21, neg: -3, t: true, z: null } }];
    const out = printShell({ kind: 'aggregate', collection: 'c', pipeline }, plain);
    expect(evalShell(out)).toEqual({ pipeline, opts: { allowDiskUse: true } });
  });

  it('colours only when asked', () => {
    const cmd: MongoCommand = { kind: 'aggregate', collection: 'c', pipeline: [{ $match: { a: 'x', n: 1 } }] };
    expect(printShell(cmd, plain)).not.toMatch(ANSI);
    const coloured = printShell(cmd, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(printShell(cmd, plain));
  });
});

describe('printJson', () => {
  it('prints the aggregate command in canonical Extended JSON', () => {
    const out = printJson({ kind: 'aggregate', collection: 'orders', pipeline: [{ $match: { at: new Date('2024-01-31T00:00:00Z'), n: 1, x: 1.5 } }] });
    const doc = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['aggregate', 'pipeline', 'allowDiskUse']);
    expect(doc.aggregate).toBe('orders');
    expect(out).toContain('"$date": {\n');
    expect(out).toContain('"$numberLong": "1706659200000"');
    expect(out).toContain('"$numberInt": "1"');
    expect(out).toContain('"$numberDouble": "1.5"');
    // canonical EJSON parses back to the very same values
    expect(EJSON.parse(out, { relaxed: false })).toMatchObject({ pipeline: [{ $match: { at: new Date('2024-01-31T00:00:00Z') } }] });
  });

  it('prints a database-level aggregate as aggregate: 1, with the database as $db', () => {
    const doc = JSON.parse(printJson({ kind: 'aggregate', db: 'sales', pipeline: [{ $documents: [{ a: [[1], []] }] }] })) as Record<string, unknown>;
    expect(doc.aggregate).toEqual({ $numberInt: '1' });
    expect(doc.$db).toBe('sales');
    expect(doc.pipeline).toEqual([{ $documents: [{ a: [[{ $numberInt: '1' }], []] }] }]);
  });

  it('keeps $literal wrappers', () => {
    const doc = JSON.parse(printJson({ kind: 'aggregate', collection: 'c', pipeline: [{ $project: { p: { $literal: '$5' } } }] })) as { pipeline: unknown[] };
    expect(doc.pipeline).toEqual([{ $project: { p: { $literal: '$5' } } }]);
  });
});

describe('formatExplain', () => {
  const text = '-- job\nSELECT a\n  FROM c;\n\nSELECT 1;';
  const script: CompiledScript = {
    statements: [
      { index: 1, kind: 'select', sql: 'SELECT a\n  FROM c', span: { start: 7, end: 24 }, commands: [{ kind: 'aggregate', collection: 'c', pipeline: [{ $project: { a: 1 } }], note: 'exact' }] },
      { index: 2, kind: 'select', sql: 'SELECT 1', span: { start: 27, end: 35 }, commands: [{ kind: 'aggregate', pipeline: [{ $documents: [{}] }] }] },
    ],
  };

  it('prints headers, SQL and notes as comments, commands as mongosh statements', () => {
    const out = formatExplain(script, text, { format: 'shell', color: false });
    expect(out).toContain('// -- statement 1 (line 2)\n// SELECT a\n//   FROM c\n// note: exact\ndb.getCollection("c").aggregate([');
    expect(out).toContain('// -- statement 2 (line 5)');
    expect(out).toContain('db.aggregate([');
    // the whole output is a script: every non-comment line is code
    const code = out.split('\n').filter((l) => !l.startsWith('//')).join('\n');
    expect(() => new Function('db', code)).not.toThrow();
  });

  it('prints one JSON array with canonical Extended JSON commands', () => {
    const parsed = JSON.parse(formatExplain(script, text, { format: 'json', color: true })) as { statement: number; line: number; sql: string; commands: unknown[]; notes?: string[] }[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ statement: 1, line: 2, sql: 'SELECT a\n  FROM c', notes: ['exact'] });
    expect(parsed[0].commands[0]).toMatchObject({ aggregate: 'c', allowDiskUse: true });
    expect(parsed[1].commands[0]).toMatchObject({ aggregate: { $numberInt: '1' } });
  });
});
