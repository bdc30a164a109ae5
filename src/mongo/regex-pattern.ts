/**
 * A PostgreSQL regular expression → the pattern MongoDB gets. MongoDB's PCRE and the
 * embedded engine's JavaScript RegExp both read the common syntax as PostgreSQL does,
 * but not POSIX bracket classes: `[[:space:]]` is a class of whitespace in PostgreSQL
 * and PCRE, and in JavaScript a class of the characters `[:space` followed by `]`.
 * So the classes are spelled out as explicit ASCII sets, which every engine reads the
 * same way (PostgreSQL's classes under the C locale cover ASCII only).
 */
const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\t\\n\\x0B\\f\\r ',
  blank: '\\t ',
  punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1F\\x7F',
  print: '\\x20-\\x7E',
  graph: '\\x21-\\x7E',
  word: 'A-Za-z0-9_',
};

export function pgRegexToMongo(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      out += c + pattern[++i];
      continue;
    }
    if (!inClass) {
      if (c === '[') {
        inClass = true;
        out += c;
        // a `]` first in the class (after an optional `^`) is a literal in POSIX, the end of an empty class in JavaScript
        if (pattern[i + 1] === '^') out += pattern[++i];
        if (pattern[i + 1] === ']') {
          out += '\\]';
          i++;
        }
      } else out += c;
      continue;
    }
    if (c === '[' && pattern[i + 1] === ':') {
      const end = pattern.indexOf(':]', i + 2);
      const set = end > 0 ? POSIX_CLASSES[pattern.slice(i + 2, end)] : undefined;
      if (set !== undefined) {
        out += set;
        i = end + 1;
        continue;
      }
    }
    if (c === ']') inClass = false;
    out += c;
  }
  return out;
}
