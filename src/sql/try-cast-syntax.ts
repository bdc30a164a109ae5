/**
 * `try_cast(x AS type)`, sqletl's cast that gives NULL for text the type cannot read
 * (dirty data without a regular-expression CASE). PostgreSQL's grammar has no such
 * form, so before parsing its `AS` becomes `::` — the same length, so every position
 * in the text stays where it was — and the binder reads `try_cast(x::type)`.
 * Quoted text, quoted identifiers and comments are skipped.
 */
export function rewriteTryCast(sql: string): string {
  if (!/try_cast/i.test(sql)) return sql;
  const out = sql.split('');
  const opens: { tryCast: boolean }[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1);
      i = close < 0 ? sql.length : close + 1;
      continue;
    }
    if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
      continue;
    }
    if (sql.startsWith('/*', i)) {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
      continue;
    }
    if (c === '(') {
      opens.push({ tryCast: /try_cast\s*$/i.test(sql.slice(Math.max(0, i - 40), i)) && !/[\w$]try_cast\s*$/i.test(sql.slice(Math.max(0, i - 41), i)) });
    } else if (c === ')') {
      opens.pop();
    } else if (opens.at(-1)?.tryCast && /\s/.test(sql[i - 1] ?? '') && /^as\s/i.test(sql.slice(i, i + 3))) {
      out[i] = ':';
      out[i + 1] = ':';
      opens[opens.length - 1].tryCast = false;
    }
    i++;
  }
  return out.join('');
}
