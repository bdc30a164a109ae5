/**
 * Small lexical helpers over SQL text for the runner's messages and `sqletl test`:
 * where the comments are (a test's name, `-- test` declarations), the text with
 * strings and comments blanked (to find a table name's position), and the
 * "did you mean" distance. Offsets are char offsets into the text, as SourceSpan's.
 */

export interface SqlComment {
  start: number;
  end: number;
  /** the comment's text without `--` or slash-star markers, trimmed */
  body: string;
}

/** Walks the text once: comments are reported, string literals and quoted identifiers skipped. */
function scan(text: string, onComment: (c: SqlComment) => void, onString?: (start: number, end: number) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      onComment({ start: i, end, body: text.slice(i + 2, end).trim() });
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      // PostgreSQL block comments nest
      let depth = 1;
      let j = i + 2;
      while (j < n && depth > 0) {
        if (text[j] === '/' && text[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (text[j] === '*' && text[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      onComment({ start: i, end: j, body: text.slice(i + 2, depth === 0 ? j - 2 : j).trim() });
      i = j;
    } else if (ch === "'" || ch === '"') {
      // '' and "" are escaped quotes; E'..\'..' escapes with a backslash
      const escapes = ch === "'" && i > 0 && /[eE]/.test(text[i - 1]) && (i < 2 || !/\w/.test(text[i - 2]));
      let j = i + 1;
      while (j < n) {
        if (escapes && text[j] === '\\') j += 2;
        else if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      onString?.(i, Math.min(j + 1, n));
      i = j + 1;
    } else if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (tag && !(i > 0 && /\w/.test(text[i - 1]))) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const end = close < 0 ? n : close + tag[0].length;
        onString?.(i, end);
        i = end;
      } else i++;
    } else i++;
  }
}

export function sqlComments(text: string): SqlComment[] {
  const out: SqlComment[] = [];
  scan(text, (c) => out.push(c));
  return out;
}

/** The text with string literals, quoted identifiers and comments replaced by spaces (same offsets, newlines kept). */
export function blankLiterals(text: string, keepQuotedIdentifiers = true): string {
  const chars = text.split('');
  const blank = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (chars[k] !== '\n') chars[k] = ' ';
  };
  scan(
    text,
    (c) => blank(c.start, c.end),
    (s, e) => {
      if (!(keepQuotedIdentifiers && text[s] === '"')) blank(s, e);
    },
  );
  return chars.join('');
}

/**
 * Where a table name appears in a statement: after FROM, JOIN, UPDATE, INTO, USING or
 * TABLE (optionally db-qualified, quoted or not), else its first occurrence as a
 * word; undefined when it is not in the text (e.g. a view's source).
 */
export function tableNameOffset(text: string, start: number, end: number, name: string, db?: string): number | undefined {
  const code = blankLiterals(text).slice(start, end);
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const q = `(?:"${esc}"|\\b${esc}\\b)`;
  const qualifier = db ? `(?:"?${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*\\.\\s*)?` : `(?:"?[A-Za-z_][\\w$]*"?\\s*\\.\\s*)?`;
  const after = new RegExp(`\\b(?:from|join|update|into|using|table|only)\\s+(?:only\\s+)?${qualifier}(${q})`, 'i');
  const m = after.exec(code);
  if (m) return start + m.index + m[0].length - m[1].length;
  const bare = new RegExp(q, name === name.toLowerCase() ? 'i' : '').exec(code);
  return bare ? start + bare.index : undefined;
}
