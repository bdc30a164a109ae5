import { cond, isNull, letIn, type Mql } from './mql.js';

/**
 * A row value as PostgreSQL prints a record (its record_out): `(f1,f2,…)`, each field
 * in its type's output form (given here as text, NULL for a NULL field), a NULL field
 * as nothing (`(1,)`), and a field that is empty or holds a double quote, a backslash,
 * a parenthesis, a comma or white space in double quotes, its `"` and `\` doubled
 * (`(1,"a b")`, `(1,"(2,3)")`).
 */
export function recordText(fields: Mql[]): Mql {
  const parts = fields.map((f) => letIn({ t: f }, cond(isNull('$$t'), '', cond(needsQuotes('$$t'), { $concat: ['"', escaped('$$t'), '"'] }, '$$t'))));
  return { $concat: ['(', ...parts.flatMap((p, i) => (i === 0 ? [p] : [',', p])), ')'] };
}

// (DocumentDB evaluates both branches of a $cond: the text operators never see a null)
const text = (t: Mql): Mql => ({ $ifNull: [t, ''] });

function needsQuotes(t: Mql): Mql {
  return { $or: [{ $eq: [t, ''] }, { $regexMatch: { input: text(t), regex: '[",\\\\() \\t\\n\\r\\f\\x0b]' } }] };
}

function escaped(t: Mql): Mql {
  return { $replaceAll: { input: { $replaceAll: { input: text(t), find: '\\', replacement: '\\\\' } }, find: '"', replacement: '""' } };
}
