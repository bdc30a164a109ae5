import type { Ast } from './parse-dialect.js';
import type { Translator } from './translator.js';
import { isWord } from './tokens.js';

/**
 * BigQuery's QUALIFY, which node-sql-parser's BigQuery grammar rejects (its
 * Snowflake grammar parses it). Before parsing, a `QUALIFY <condition>` of the
 * statement's own SELECT (outside parentheses, in a statement without set
 * operations) is blanked out with spaces so every other position stays exact;
 * the condition is parsed on its own (as `SELECT 1 FROM t WHERE <condition>`,
 * locations shifted back to the file) and set as the SELECT's `qualify`, which
 * translate-query.ts handles as for Snowflake.
 */
const CLAUSE_AFTER = ['ORDER', 'LIMIT', 'WINDOW', 'UNION', 'INTERSECT', 'EXCEPT'];

export function extractQualify(tx: Translator, text: string, parse: (sql: string, offset: number) => Ast): { text: string; attach: (ast: Ast) => void } | undefined {
  const tokens = tx.tokens;
  let depth = 0;
  let k = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (isWord(t, 'QUALIFY')) {
      if (depth !== 0) throw tx.fail('QUALIFY inside a subquery', t.start, ['QUALIFY is read on the statement\'s own SELECT only: compute ROW_NUMBER() … AS rn in the subquery and filter WHERE rn = 1 outside']);
      k = i;
      break;
    }
  }
  if (k < 0) return undefined;
  let end = k + 1;
  depth = 0;
  while (end < tokens.length) {
    const t = tokens[end];
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth === 0 && CLAUSE_AFTER.some((w) => isWord(t, w))) break;
    end++;
  }
  if (end === k + 1) throw tx.fail('QUALIFY without a condition', tokens[k].start);
  const condFrom = tokens[k + 1].start;
  const condTo = tokens[end - 1].end;
  const prefix = 'SELECT 1 FROM __sqletl_qualify WHERE ';
  const where = parse(prefix + text.slice(condFrom - tx.base, condTo - tx.base), condFrom - prefix.length).where as Ast;
  // node-sql-parser's locations in the fragment are relative to prefix + fragment: make them relative to the statement
  shiftLocations(where, condFrom - tx.base - prefix.length);
  const from = tokens[k].start - tx.base;
  const to = condTo - tx.base;
  const blanked = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
  return {
    text: blanked,
    attach: (ast) => {
      if (ast.type !== 'select' || ast._next) throw tx.fail('QUALIFY in a statement with set operations', tokens[k].start);
      ast.qualify = where;
    },
  };
}

function shiftLocations(node: unknown, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Ast;
  if (n.loc?.start && typeof n.loc.start.offset === 'number') {
    n.loc = { ...n.loc, start: { ...n.loc.start, offset: n.loc.start.offset + delta } };
  }
  for (const [key, v] of Object.entries(n)) if (key !== 'loc') shiftLocations(v, delta);
}
