import { SqlEtlError, type SourceSpan } from '../errors.js';

/**
 * An SQL regular expression (`SIMILAR TO`, `SUBSTRING(… SIMILAR … ESCAPE …)`) → the
 * PostgreSQL regular expression (ARE) PostgreSQL itself matches it with: its
 * `similar_to_escape(pattern [, escape])`, which the parser wraps around the
 * pattern. The ARE then goes the way of `~` (src/mongo/regex-pattern.ts). The rules,
 * as PostgreSQL 18 applies them:
 *
 * - the result is `^(?:…)$`: the whole string must match;
 * - `%` → `.*`, `_` → `.`, `(` → `(?:` (groups do not capture); `\ . ^ $` are
 *   escaped (literal); `| * + ? { } )` keep their regex meaning;
 * - inside a bracket expression characters are copied (a backslash doubled); a `]`
 *   first in it (after an optional `^`) is literal, as in a regex, and a `[` in it
 *   opens another that a `]` closes first (`[[:alpha:]]`);
 * - the escape character (default `\`, none when the ESCAPE string is empty) makes the
 *   next character `\c` (an ARE escape: literal for punctuation, `\d` a digit…),
 *   except escape + `"`, which divides the pattern into at most three parts
 *   `^(?:p1){1,1}?(p2){1,1}(?:p3)$` (SUBSTRING returns the text p2 matched, p1 matching
 *   as little as it can);
 * - a one-character escape that is not ASCII is compared as a whole character, and
 *   (PostgreSQL's multibyte path) the non-ASCII characters it meets then leave the
 *   bracket-expression state as it was.
 */
export interface SimilarPattern {
  /** the ARE of the whole pattern, as similar_to_escape returns it */
  regex: string;
  /** the parts between escape-double-quote separators (1 to 3), each an ARE fragment */
  parts: string[];
}

/** `spans`: where the pattern and the escape are written, for PostgreSQL's errors about each */
export function similarToRegex(pattern: string, escape: string | undefined, spans: { pattern?: SourceSpan; escape?: SourceSpan } = {}): SimilarPattern {
  const esc = escape === undefined ? '\\' : escape;
  if ([...esc].length > 1) throw new SqlEtlError('invalid-escape', 'bind', 'invalid escape string', { span: spans.escape, hints: ['Escape string must be empty or one character.'] });
  const e = esc === '' ? undefined : esc;
  // PostgreSQL takes the multibyte path when the escape is more than one byte
  const wideEscape = e !== undefined && e.codePointAt(0)! > 0x7f;
  const parts: string[] = [];
  let out = '';
  let afterEscape = false;
  /** bracket expressions open: a `[` inside one opens another (`[[:alpha:]]`), each `]` past the start closes one */
  let classDepth = 0;
  /** 1 right after `[`, 2 after `[^`, 3 past the start (a `]` then ends the class) */
  let classPos = 0;
  for (const c of pattern) {
    const wide = c.codePointAt(0)! > 0x7f;
    if (wideEscape && wide) {
      if (afterEscape) {
        out += '\\' + c;
        afterEscape = false;
      } else if (c === e) afterEscape = true;
      else out += c;
      continue;
    }
    if (afterEscape) {
      if (c === '"' && classDepth === 0) {
        if (parts.length === 2) {
          throw new SqlEtlError('invalid-regular-expression', 'bind', 'SQL regular expression may not contain more than two escape-double-quote separators', { span: spans.pattern });
        }
        parts.push(out);
        out = '';
      } else {
        out += '\\' + c;
        classPos = 3;
      }
      afterEscape = false;
    } else if (e !== undefined && c === e) afterEscape = true;
    else if (classDepth > 0) {
      if (c === '\\') out += '\\';
      out += c;
      if (c === ']' && classPos > 2) classDepth--;
      else if (c === '[') classDepth++;
      if (c === '^' && classPos === 1) classPos = 2;
      else classPos = 3;
    } else if (c === '[') {
      out += c;
      classDepth = 1;
      classPos = 1;
    } else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else if (c === '(') out += '(?:';
    else if (c === '\\' || c === '.' || c === '^' || c === '$') out += '\\' + c;
    else out += c;
  }
  parts.push(out);
  const regex = parts.length === 1 ? `^(?:${parts[0]})$` : parts.length === 2 ? `^(?:${parts[0]}){1,1}?(${parts[1]})$` : `^(?:${parts[0]}){1,1}?(${parts[1]}){1,1}(?:${parts[2]})$`;
  return { regex, parts };
}
