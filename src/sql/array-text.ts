import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';

/** PostgreSQL's one-dimensional array text: `{a,"b c",NULL}` (quotes and backslashes escape, unquoted NULL is NULL). */
export function arrayText(text: string, span?: SourceSpan): (string | null)[] {
  const t = text.trim();
  const malformed = () => new SqlEtlError('invalid-literal', 'bind', `malformed array literal: "${text}"`, { span });
  if (!t.startsWith('{') || !t.endsWith('}')) throw malformed();
  const body = t.slice(1, -1);
  if (body.trim() === '') return [];
  const out: (string | null)[] = [];
  let i = 0;
  while (i <= body.length) {
    while (body[i] === ' ') i++;
    let item = '';
    let quoted = false;
    if (body[i] === '"') {
      quoted = true;
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++;
        item += body[i++] ?? '';
      }
      if (body[i] !== '"') throw malformed();
      i++;
      while (body[i] === ' ') i++;
    } else {
      while (i < body.length && body[i] !== ',') {
        if (body[i] === '{' || body[i] === '}' || body[i] === '"') throw unsupported('bind', 'a multi-dimensional text[] constant here', span);
        if (body[i] === '\\') i++;
        item += body[i++] ?? '';
      }
      item = item.trim();
      if (item === '') throw malformed();
    }
    out.push(!quoted && item.toUpperCase() === 'NULL' ? null : item);
    if (i >= body.length) break;
    if (body[i] !== ',') throw malformed();
    i++;
  }
  return out;
}
