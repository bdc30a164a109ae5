import type { Ast } from './parse-dialect.js';
import type { Translator } from './translator.js';
import { isWord, type Token } from './tokens.js';

/**
 * BigQuery's UNPIVOT, which node-sql-parser's BigQuery grammar rejects (its T-SQL
 * and Snowflake grammars parse it). Before parsing, the clause
 *
 *   UNPIVOT [INCLUDE NULLS | EXCLUDE NULLS] (value FOR name IN (a, b, …)) [[AS] alias]
 *
 * is read from the tokens and blanked out of the text with spaces (newlines kept,
 * so every other position stays exact); after parsing, the FROM item written just
 * before it gets the same `unpivot` operator the other grammars produce, and
 * pivot.ts lowers it as for them.
 */
export interface Unpivot {
  /** the statement text with the clause blanked */
  text: string;
  /** attaches the clause to its FROM item in the parsed tree */
  attach: (ast: Ast) => void;
}

export function extractUnpivot(tx: Translator, text: string): Unpivot | undefined {
  const tokens = tx.tokens;
  const k = tokens.findIndex((t, i) => isWord(t, 'UNPIVOT') && (tokens[i + 1]?.value === '(' || isWord(tokens[i + 1], 'INCLUDE', 'EXCLUDE')));
  if (k < 0) return undefined;
  if (tokens.slice(k + 1).some((t, i) => isWord(t, 'UNPIVOT') && tokens[k + 2 + i]?.value === '(')) throw tx.fail('several UNPIVOT clauses in one statement', tokens[k].start);
  let i = k + 1;
  const at = (n: number) => tokens[n];
  const expectValue = (v: string) => {
    if (at(i)?.value !== v) throw tx.fail(`UNPIVOT without "${v}" here`, at(i)?.start ?? tokens[tokens.length - 1].end);
    i++;
  };
  const name = (): Token => {
    const t = at(i);
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) throw tx.fail('UNPIVOT without a column name here', t?.start ?? tokens[tokens.length - 1].end);
    i++;
    return t;
  };
  let includeNulls = false;
  if (isWord(at(i), 'INCLUDE', 'EXCLUDE')) {
    includeNulls = isWord(at(i), 'INCLUDE');
    i++;
    if (!isWord(at(i), 'NULLS')) throw tx.fail('UNPIVOT without NULLS here', at(i)?.start);
    i++;
  }
  expectValue('(');
  if (at(i)?.value === '(') throw tx.fail('UNPIVOT of several value columns', at(i).start);
  const value = name();
  if (!isWord(at(i), 'FOR')) throw tx.fail('UNPIVOT without FOR here', at(i)?.start);
  i++;
  const label = name();
  if (!isWord(at(i), 'IN')) throw tx.fail('UNPIVOT without IN here', at(i)?.start);
  i++;
  expectValue('(');
  const columns: Token[] = [];
  for (;;) {
    columns.push(name());
    if (isWord(at(i), 'AS')) throw tx.fail('UNPIVOT labels (AS)', at(i).start);
    if (at(i)?.value === ',') {
      i++;
      continue;
    }
    expectValue(')');
    break;
  }
  expectValue(')');
  let alias: Token | undefined;
  if (isWord(at(i), 'AS')) {
    i++;
    alias = name();
  } else if (at(i)?.kind === 'word' && !isWord(at(i), 'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS', 'UNION', 'HAVING', 'WINDOW', 'QUALIFY', 'ON')) {
    alias = name();
  }
  const from = tokens[k].start - tx.base;
  const to = tokens[i - 1].end - tx.base;
  const blanked = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
  const before = tokens[k - 1];
  const ref = (t: Token) => ({ type: 'column_ref', table: null, column: t.value });
  const op = {
    type: 'unpivot',
    expr: ref(value),
    column: ref(label),
    in_expr: { op: 'IN', right: { type: 'expr_list', value: columns.map(ref) } },
    as: alias?.value ?? null,
    includeNulls,
  };
  return {
    text: blanked,
    attach: (ast) => {
      const item = sourceBefore(ast, before);
      if (!item) throw tx.fail('UNPIVOT after this kind of FROM item', tokens[k].start, ['write the source as a derived table: (SELECT …) UNPIVOT (…)']);
      item.operator = op;
    },
  };
}

/** The one FROM item that ends with `before` (its alias, its table name, or a derived table's `)`). */
function sourceBefore(ast: Ast, before: Token | undefined): Ast | undefined {
  const items: Ast[] = [];
  collectFromItems(ast, items);
  const matches = items.filter((item) => {
    if (!before) return false;
    const alias = typeof item.as === 'string' ? item.as : undefined;
    if (before.value === ')' && before.kind === 'punct') return !alias && !!item.expr?.ast;
    if (alias) return alias === before.value;
    return String(item.table ?? '').split('.').pop() === before.value;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function collectFromItems(node: unknown, out: Ast[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collectFromItems(n, out);
    return;
  }
  const n = node as Ast;
  if (Array.isArray(n.from)) out.push(...(n.from as Ast[]));
  for (const v of Object.values(n)) collectFromItems(v, out);
}
