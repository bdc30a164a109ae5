/**
 * Result comparison for grammar cases (DESIGN §7): column names equal and in order;
 * rows as multisets unless the case is ordered; numbers equal to 1e-9 relative; dates
 * as instants; arrays and objects deeply (object key order ignored: jsonb reorders keys).
 * No other coercion: a string is never equal to a number, undefined never equals null.
 */

export interface Table {
  columns: string[];
  rows: unknown[][];
}

export interface Comparison {
  ok: boolean;
  /** human-readable explanation when !ok */
  diff: string;
}

const REL_TOL = 1e-9;

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return a === b;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    if (Number.isNaN(a) && Number.isNaN(b)) return true;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    return Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && valuesEqual(a[k], b[k]));
  }
  return a === b;
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function rowsEqual(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
}

/** Compares the reference (PostgreSQL) with the actual (sqletl) result. */
export function compareTables(expected: Table, actual: Table, ordered: boolean, labels: [string, string] = ['PostgreSQL', 'sqletl']): Comparison {
  const [E, A] = labels;
  const pad = Math.max(E.length, A.length) + 1;
  const problems: string[] = [];
  const sameCols = expected.columns.length === actual.columns.length && expected.columns.every((c, i) => c === actual.columns[i]);
  if (!sameCols) problems.push(`columns differ:\n  ${(E + ':').padEnd(pad)} ${fmtRow(expected.columns)}\n  ${(A + ':').padEnd(pad)} ${fmtRow(actual.columns)}`);
  const badWidth = actual.rows.findIndex((r) => !Array.isArray(r) || r.length !== actual.columns.length);
  if (badWidth >= 0) problems.push(`${A} row ${badWidth} has ${describe(actual.rows[badWidth])} for ${actual.columns.length} columns`);

  if (ordered) {
    const n = Math.max(expected.rows.length, actual.rows.length);
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (i >= expected.rows.length || i >= actual.rows.length || !rowsEqual(expected.rows[i], actual.rows[i])) {
        first = i;
        break;
      }
    }
    if (first >= 0) {
      const lines = [`ordered rows differ at row ${first} (${E} ${expected.rows.length} rows, ${A} ${actual.rows.length} rows):`];
      lines.push(`  ${E}:`, ...window(expected.rows, first));
      lines.push(`  ${A}:`, ...window(actual.rows, first));
      problems.push(lines.join('\n'));
    }
  } else {
    const unmatched = [...actual.rows];
    const missing: unknown[][] = [];
    for (const row of expected.rows) {
      const j = unmatched.findIndex((r) => rowsEqual(row, r));
      if (j >= 0) unmatched.splice(j, 1);
      else missing.push(row);
    }
    if (missing.length > 0 || unmatched.length > 0) {
      const lines = [`rows differ as multisets (${E} ${expected.rows.length} rows, ${A} ${actual.rows.length} rows):`];
      lines.push(`  only in ${E} (${missing.length}):`, ...missing.slice(0, 8).map((r) => `    ${fmtRow(r)}`));
      if (missing.length > 8) lines.push(`    … ${missing.length - 8} more`);
      lines.push(`  only in ${A} (${unmatched.length}):`, ...unmatched.slice(0, 8).map((r) => `    ${fmtRow(r)}`));
      if (unmatched.length > 8) lines.push(`    … ${unmatched.length - 8} more`);
      problems.push(lines.join('\n'));
    }
  }
  return { ok: problems.length === 0, diff: problems.join('\n') };
}

function window(rows: unknown[][], at: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, at - 1); i < Math.min(rows.length, at + 4); i++) out.push(`   ${i === at ? '>' : ' '} ${i}: ${fmtRow(rows[i])}`);
  if (at >= rows.length) out.push(`   > ${at}: (no row)`);
  return out;
}

function describe(v: unknown): string {
  return Array.isArray(v) ? `${v.length} values` : `a ${typeof v}`;
}

export function fmtValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'NULL';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : `${v.toISOString()}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `[${v.map(fmtValue).join(', ')}]`;
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto && proto !== Object.prototype) {
      // e.g. a BSON Decimal128 or Long that sqletl should have turned into a number
      return `${(proto.constructor as { name?: string })?.name ?? '?'}(${String(v)})`;
    }
    return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${fmtValue(x)}`).join(', ')}}`;
  }
  return String(v);
}

export function fmtRow(r: unknown): string {
  return Array.isArray(r) ? `(${r.map(fmtValue).join(', ')})` : fmtValue(r);
}
