import { literalChar } from './regex-chars.js';

/**
 * LIKE pattern → regular expression, valid PCRE and JavaScript alike (see
 * regex-pattern.ts). `%` is any run, `_` one character, backslash escapes the next
 * character (PostgreSQL's default ESCAPE); every other character is matched
 * literally, so regex metacharacters in the pattern are escaped. The match is
 * anchored at both ends; the end anchor is `(?![\s\S])`, not `$`, which in PCRE also
 * matches before a final newline. A leading or trailing `%` drops its anchor instead
 * of emitting `^.*` / `.*$`. Run with the `s` option, so `.` matches a newline too.
 */
export function likeToRegex(pattern: string): string {
  const chars = [...pattern];
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) parts.push(literalChar(chars[++i].codePointAt(0)!));
    else if (c === '%') {
      if (parts.at(-1) !== '.*') parts.push('.*');
    } else if (c === '_') parts.push('.');
    else parts.push(literalChar(c.codePointAt(0)!));
  }
  const openStart = parts[0] === '.*';
  const openEnd = parts.at(-1) === '.*';
  const body = parts.slice(openStart ? 1 : 0, openEnd ? -1 : undefined).join('');
  if (openStart && openEnd && parts.length === 1) return ''; // '%': anything
  return (openStart ? '' : '^') + body + (openEnd ? '' : '(?![\\s\\S])');
}
