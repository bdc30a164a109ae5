import type { StatementResult } from '../api-types.js';
import { cellText, isNumeric } from './values.js';

/**
 * psql-style aligned tables: ` a | b ` header (centred), a `---+---` rule,
 * numbers right-aligned and everything else left-aligned, NULL as an empty cell,
 * then `(N rows)`. Used for SELECT results and for the run summary.
 */

export interface Table {
  columns: string[];
  rows: unknown[][];
  /** per column; defaults to right-aligned when every non-NULL value is a number */
  align?: ('left' | 'right')[];
}

export function formatTable(table: Table, opts: { footer?: boolean } = {}): string {
  const { columns, rows } = table;
  const footer = opts.footer === false ? [] : [`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`];
  // no columns (`SELECT FROM t`, or `SELECT *` over a collection with no documents): psql prints a bare rule
  if (columns.length === 0) return ['--', ...footer].join('\n') + '\n';
  const cells = rows.map((row) => columns.map((_, i) => cellText(row[i])));
  const align = table.align ?? columns.map((_, i) => (columnIsNumeric(rows, i) ? 'right' : 'left'));
  const widths = columns.map((name, i) => Math.max(displayWidth(name), ...cells.map((r) => displayWidth(r[i]))));

  const line = (parts: string[]): string => parts.map((p) => ` ${p} `).join('|').trimEnd();
  const out = [
    line(columns.map((name, i) => center(name, widths[i]))),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...cells.map((r) => line(r.map((text, i) => pad(text, widths[i], align[i])))),
  ];
  return [...out, ...footer].join('\n') + '\n';
}

function columnIsNumeric(rows: unknown[][], i: number): boolean {
  let seen = false;
  for (const row of rows) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    if (!isNumeric(v)) return false;
    seen = true;
  }
  return seen;
}

/** The summary after a run: one line per statement with its counts and time. */
export function formatSummary(results: { file?: string; result: StatementResult }[]): string {
  const withFile = new Set(results.map((r) => r.file)).size > 1;
  // a status column only when some statement was skipped (--resume) or failed (--continue-on-error)
  const withStatus = results.some(({ result: r }) => r.status !== undefined && r.status !== 'done');
  const columns = [...(withFile ? ['file'] : []), '#', 'kind', ...(withStatus ? ['status'] : []), 'rows', 'read', 'written', 'rejected', 'ms'];
  const rows = results.map(({ file, result: r }) => [
    ...(withFile ? [file ?? ''] : []),
    r.statement,
    r.kind,
    ...(withStatus ? [r.status ?? 'done'] : []),
    r.rowCount,
    r.rowsRead ?? null,
    written(r),
    r.rejected ?? null,
    // a string keeps the fixed decimal; the column is still right-aligned below
    Number.isInteger(r.durationMs) ? String(r.durationMs) : r.durationMs.toFixed(1),
  ]);
  const align: ('left' | 'right')[] = columns.map((c) => (c === 'file' || c === 'kind' || c === 'status' ? 'left' : 'right'));
  return formatTable({ columns, rows, align }, { footer: false });
}

/** Documents written by the statement: inserted + updated + deleted, NULL when it writes nothing. */
function written(r: StatementResult): number | null {
  const parts = [r.inserted, r.updated, r.deleted].filter((n): n is number => n !== undefined);
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

function center(text: string, width: number): string {
  const free = Math.max(0, width - displayWidth(text));
  const left = Math.floor(free / 2);
  return ' '.repeat(left) + text + ' '.repeat(free - left);
}

/** Terminal columns a string takes: combining marks take none, East Asian wide characters and emoji two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
