/**
 * The function catalogue (src/catalog/functions.ts) against PostgreSQL's own
 * catalogue (pg_proc, in PGlite), against what the binder accepts, and its dialect
 * aliases against the dialect front end. The lowering tables are checked by the
 * compiler (they are typed by the catalogue's names).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { compile, SqlEtlError } from '../src/index.js';
import {
  AGGREGATE_ALIASES,
  AGGREGATE_FUNCTIONS,
  DIALECT_ALIASES,
  HYPOTHETICAL_SET_FUNCTIONS,
  ORDERED_SET_FUNCTIONS,
  SCALAR_ALIASES,
  SCALAR_FUNCTIONS,
  SET_RETURNING_FUNCTIONS,
  WINDOW_FUNCTIONS,
  aggregateSignature,
  isPlainAggregate,
  isWindowAggregate,
  scalarSignature,
  type Nulls,
  type Signature,
} from '../src/catalog/functions.js';
import { DIALECT_RULES } from '../src/dialects/function-table.js';
import { loadDialect, parseDialectScript } from '../src/dialects/front-end.js';
import type { ForeignDialect } from '../src/dialects/dialects.js';

/** Names that are syntax in PostgreSQL (no pg_proc row) or sqletl's own. */
const NOT_IN_PG_PROC = new Set(['coalesce', 'nullif', 'greatest', 'least', 'current_date', 'current_timestamp', 'localtimestamp', 'approx_percentile', 'try_cast']);

interface Proc {
  kind: string;
  nargs: number;
  /** how many trailing arguments have defaults (jsonb_set's create_missing): callable with fewer */
  defaults: number;
  variadic: boolean;
  strict: boolean;
}

let pg: PGlite;
const procs = new Map<string, Proc[]>();

beforeAll(async () => {
  pg = new PGlite();
  const names = [
    ...Object.keys(SCALAR_FUNCTIONS),
    ...Object.keys(SCALAR_ALIASES),
    ...Object.keys(AGGREGATE_FUNCTIONS),
    ...Object.keys(AGGREGATE_ALIASES),
    ...Object.keys(ORDERED_SET_FUNCTIONS),
    ...Object.keys(HYPOTHETICAL_SET_FUNCTIONS),
    ...Object.keys(WINDOW_FUNCTIONS),
    ...Object.keys(SET_RETURNING_FUNCTIONS),
  ];
  const r = await pg.query<{ proname: string; prokind: string; pronargs: number; pronargdefaults: number; variadic: boolean; proisstrict: boolean }>(
    'SELECT proname, prokind, pronargs, pronargdefaults, provariadic <> 0 AS variadic, proisstrict FROM pg_proc WHERE proname = ANY($1)',
    [names],
  );
  for (const p of r.rows) {
    const list = procs.get(p.proname) ?? [];
    list.push({ kind: p.prokind, nargs: p.pronargs, defaults: p.pronargdefaults, variadic: p.variadic, strict: p.proisstrict });
    procs.set(p.proname, list);
  }
}, 60_000);

afterAll(async () => {
  await pg?.close();
});

/** PostgreSQL's functions of this name and kind that take n arguments. */
const overloads = (name: string, kind: string, n: number): Proc[] =>
  (procs.get(name) ?? []).filter((p) => p.kind === kind && ((n <= p.nargs && n >= p.nargs - p.defaults) || (p.variadic && n >= p.nargs - 1)));

describe('the catalogue against PostgreSQL (pg_proc)', () => {
  const scalars = Object.entries(SCALAR_FUNCTIONS as Record<string, Signature & { nulls: Nulls; syntax?: true }>);

  it('every scalar function PostgreSQL calls by name exists with its arity, and is strict exactly when the catalogue says so', () => {
    const problems: string[] = [];
    for (const [name, entry] of scalars) {
      if (NOT_IN_PG_PROC.has(name) || (entry.syntax && !procs.has(name))) continue;
      const max = Math.min(entry.max, 5);
      for (const n of new Set([entry.min, max])) {
        const found = overloads(name, 'f', n);
        if (found.length === 0) problems.push(`${name}/${n}: no such function`);
        if (n === 0) continue; // strictness says nothing without arguments
        const strict = found.every((p) => p.strict);
        if (found.length && strict !== (entry.nulls === 'strict')) problems.push(`${name}/${n}: PostgreSQL's strict is ${strict}, the catalogue says ${entry.nulls}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names that PostgreSQL lacks are syntax forms or sqletl\'s own, listed', () => {
    const missing = [...scalars.filter(([, e]) => !e.syntax).map(([n]) => n), ...Object.keys(SCALAR_ALIASES), ...Object.keys(AGGREGATE_FUNCTIONS), ...Object.keys(ORDERED_SET_FUNCTIONS)].filter(
      (n) => !procs.has(n),
    );
    expect(missing.sort()).toEqual([...NOT_IN_PG_PROC].sort());
  });

  it('aliases are PostgreSQL functions of the same kind', () => {
    for (const name of Object.keys(SCALAR_ALIASES).filter((n) => !NOT_IN_PG_PROC.has(n))) expect(procs.get(name)?.some((p) => p.kind === 'f'), name).toBe(true);
    for (const name of Object.keys(AGGREGATE_ALIASES)) expect(procs.get(name)?.some((p) => p.kind === 'a'), name).toBe(true);
  });

  it('aggregates, ordered-set, hypothetical-set, window and set-returning functions have PostgreSQL\'s kind and arity', () => {
    const problems: string[] = [];
    const check = (name: string, kind: string, ns: number[]) => {
      for (const n of ns) if (overloads(name, kind, n).length === 0) problems.push(`${name}/${n} (${kind})`);
    };
    for (const [name, e] of Object.entries(AGGREGATE_FUNCTIONS)) check(name, 'a', [e.min, e.max]);
    // an ordered-set aggregate's arguments in pg_proc: the direct ones and the WITHIN GROUP key
    for (const [name, e] of Object.entries(ORDERED_SET_FUNCTIONS)) if (!NOT_IN_PG_PROC.has(name)) check(name, 'a', [e.max + 1]);
    for (const name of Object.keys(HYPOTHETICAL_SET_FUNCTIONS)) check(name, 'a', [2]);
    for (const [name, e] of Object.entries(WINDOW_FUNCTIONS)) check(name, 'w', [e.min, e.max]);
    for (const name of Object.keys(SET_RETURNING_FUNCTIONS)) if (!procs.get(name)?.some((p) => p.kind === 'f')) problems.push(`${name} (set-returning)`);
    expect(problems).toEqual([]);
  });
});

async function bindError(sql: string): Promise<SqlEtlError | undefined> {
  try {
    await compile(sql);
    return undefined;
  } catch (err) {
    if (err instanceof SqlEtlError) return err;
    throw err;
  }
}

describe('the catalogue is what the binder accepts', () => {
  it('derived lists are not empty', () => {
    expect(Object.keys(AGGREGATE_FUNCTIONS).filter(isWindowAggregate).length).toBeGreaterThan(0);
    expect(Object.keys(AGGREGATE_FUNCTIONS).filter(isPlainAggregate).length).toBeGreaterThan(0);
    expect(Object.values(WINDOW_FUNCTIONS).filter((w) => 'peers' in w).length).toBeGreaterThan(0);
    expect(Object.values(ORDERED_SET_FUNCTIONS).filter((o) => !('withinGroup' in o)).length).toBeGreaterThan(0);
  });

  it('every scalar function and alias is called by its name with the catalogue\'s arity; syntax-made names are not', async () => {
    const problems: string[] = [];
    // btrim/ltrim/rtrim are bound as TRIM's syntax forms, without an arity check; set-returning functions in a select list are FROM items
    const names = [...Object.keys(SCALAR_FUNCTIONS), ...Object.keys(SCALAR_ALIASES)].filter((n) => !['btrim', 'ltrim', 'rtrim'].includes(n) && !Object.hasOwn(SET_RETURNING_FUNCTIONS, n));
    for (const name of names) {
      const sig = scalarSignature(name);
      const n = sig ? sig.max + 1 : 1;
      if (sig && sig.max >= 100) continue;
      const err = await bindError(`SELECT "${name}"(${Array(n).fill('1').join(', ')}) FROM t`);
      const expected = sig ? 'wrong-arguments' : 'undefined-function';
      if (err?.code !== expected) problems.push(`${name}: ${err?.code ?? 'no error'} (${err?.message}), expected ${expected}`);
    }
    expect(problems).toEqual([]);
  });

  it('aggregates and their aliases are aggregates; window aggregates and window functions take OVER; ordered-set aggregates need WITHIN GROUP', async () => {
    const problems: string[] = [];
    const expectCode = async (sql: string, code: string | undefined) => {
      const err = await bindError(sql);
      if (err?.code !== code) problems.push(`${sql}: ${err?.code ?? 'no error'} (${err?.message}), expected ${code ?? 'no error'}`);
    };
    const args = (sig: Signature) => Array(Math.max(sig.min, 1)).fill('x').join(', ');
    for (const name of [...Object.keys(AGGREGATE_FUNCTIONS), ...Object.keys(AGGREGATE_ALIASES)]) {
      const sig = aggregateSignature(name)!;
      await expectCode(`SELECT 1 FROM t WHERE ${name}(${args(sig)}) > 0`, 'aggregate-not-allowed');
      const window = isWindowAggregate((AGGREGATE_ALIASES as Record<string, string>)[name] ?? name);
      await expectCode(`SELECT ${name}(${args(sig)}) OVER (ORDER BY id) FROM t`, window ? undefined : 'unsupported-sql');
    }
    for (const [name, sig] of Object.entries(WINDOW_FUNCTIONS)) {
      const list = (sig.returns === 'arg0' ? ['x', '1', '0'] : ['2']).slice(0, sig.min).join(', ');
      await expectCode(`SELECT ${name}(${list}) OVER (ORDER BY id) FROM t`, undefined);
    }
    for (const [name, sig] of Object.entries(ORDERED_SET_FUNCTIONS)) {
      if ('withinGroup' in sig) await expectCode(`SELECT ${name}(x, 0.5) FROM t`, undefined);
      else await expectCode(`SELECT ${name}(${sig.min ? '0.5' : ''}) FROM t`, 'within-group-required');
    }
    for (const name of Object.keys(HYPOTHETICAL_SET_FUNCTIONS)) await expectCode(`SELECT ${name}(1) WITHIN GROUP (ORDER BY x) FROM t`, undefined);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('dialect aliases', () => {
  const known = (name: string) => (name === 'people' ? { columns: ['id', 'name', 'city', 'age'], key: ['id'] } : undefined);
  const foreign: ForeignDialect[] = ['tsql', 'snowflake', 'bigquery', 'mysql'];

  it('name a function the binder knows, and no dialect rule of the same scope', () => {
    for (const [scope, aliases] of Object.entries(DIALECT_ALIASES)) {
      for (const [name, pgName] of Object.entries(aliases)) {
        expect(scalarSignature(pgName) ?? aggregateSignature(pgName), `${scope} ${name} → ${pgName}`).toBeDefined();
        expect(Object.hasOwn(DIALECT_RULES[scope as keyof typeof DIALECT_RULES], name), `${scope} ${name} is also a rule`).toBe(false);
      }
    }
  });

  it('are written as the PostgreSQL function they name', async () => {
    for (const [scope, aliases] of Object.entries(DIALECT_ALIASES)) {
      for (const dialect of scope === 'common' ? foreign : [scope as ForeignDialect]) {
        await loadDialect(dialect);
        for (const [name, pgName] of Object.entries(aliases)) {
          if (scope === 'common' && Object.hasOwn(DIALECT_RULES[dialect], name)) continue; // the dialect's own rule wins
          const text = parseDialectScript(`SELECT ${name}(age) FROM people`, dialect, known).params.text;
          expect(text, `${dialect} ${name}`).toContain(`${pgName}(`);
        }
      }
    }
  });
});
