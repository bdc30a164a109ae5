/**
 * LIKE pattern → anchored regular expression. `%` is any run, `_` one character,
 * backslash escapes the next character (PostgreSQL's default ESCAPE); every other
 * character is matched literally, so regex metacharacters in the pattern are escaped.
 */
export function likeToRegex(pattern: string): string {
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i]);
    else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else out += escapeRegex(c);
  }
  return out + '$';
}

export function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
