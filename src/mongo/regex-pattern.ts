import { SqlEtlError, unsupported } from '../errors.js';
import type { SourceSpan } from '../errors.js';
import type { LikeExpr } from '../ir/expr.js';
import { likeToRegex } from './like-pattern.js';
import { hex2, literalChar } from './regex-chars.js';
import { CLASS_RANGES } from './unicode-data.js';

/**
 * A PostgreSQL regular expression (ARE) → a pattern that means the same on both
 * engines: MongoDB's PCRE2 (UTF mode, no UCP) and the embedded engine's JavaScript
 * RegExp (no `u` flag). Only the syntax both read alike is emitted:
 *
 * - no `\u`, `\x{…}`, `\z`, `\p{…}`, `\v`, POSIX `[[:…:]]`: a character that needs an
 *   escape is written `\xHH` (ASCII) or as itself (non-ASCII; both engines read
 *   UTF-8/UTF-16 text as characters);
 * - `$` and `\Z` become `(?![\s\S])`: PCRE's `$` also matches before a final newline,
 *   PostgreSQL's does not;
 * - `\s`, `\w`, `[[:alpha:]]`… are spelled out as explicit sets, because the engines'
 *   own classes differ (PCRE's are ASCII-only, JavaScript's `\s` has Unicode spaces)
 *   and PostgreSQL's (ctype C.UTF-8) include non-ASCII letters; the sets hold ASCII
 *   and the code points of src/mongo/unicode-data.ts (Latin, Greek, Cyrillic,
 *   Armenian, general punctuation);
 * - PostgreSQL-only escapes are translated: `\y \Y \m \M` (word boundaries), `\A`,
 *   `\b` (backspace!), `\B` (backslash), `\e`, `\a`, `\cX`, `\uXXXX`, `\U…`, `\x…`, `\0`.
 *
 * `(?i)`/`(?c)` at the start (embedded options) come back as `caseInsensitive`.
 */
export interface MongoRegex {
  regex: string;
  /** set when the pattern's embedded options say so; else the operator decides */
  caseInsensitive?: boolean;
  /** the pattern has a back reference (`\1`): DocumentDB refuses those in $regex and $regexMatch, not in $regexFind */
  backReference?: boolean;
}

const ASCII_CLASSES: Record<string, string> = {
  digit: '0-9',
  xdigit: '0-9A-Fa-f',
  blank: '\\x09 ',
};

const END = '(?![\\s\\S])';

/** A set body (the inside of `[…]`) for a PostgreSQL class name. */
export function classBody(name: string): string | undefined {
  if (ASCII_CLASSES[name] !== undefined) return ASCII_CLASSES[name];
  if (name === 'word') return classBody('alnum') + '_';
  const ranges = CLASS_RANGES[name];
  if (!ranges) return undefined;
  return ranges.map(([a, b]) => (a === b ? inClass(a) : b === a + 1 ? inClass(a) + inClass(b) : `${inClass(a)}-${inClass(b)}`)).join('');
}

/** One character inside a bracket expression. */
function inClass(c: number, span?: SourceSpan): string {
  if (c < 0x20 || c === 0x7f) return hex2(c);
  if (c < 0x80) return /[\\\]\[^-]/.test(String.fromCharCode(c)) ? '\\' + String.fromCharCode(c) : String.fromCharCode(c);
  if (c > 0xffff) throw unsupported('lower', `a character above U+FFFF (U+${c.toString(16).toUpperCase()}) in a bracket expression`, span);
  return String.fromCodePoint(c);
}

const WORD = () => classBody('word')!;
const SPACE = () => classBody('space')!;
/** PostgreSQL's word boundaries over its (Unicode) word characters; `\b` would use ASCII ones. */
const wordStart = () => `(?<![${WORD()}])(?=[${WORD()}])`;
const wordEnd = () => `(?<=[${WORD()}])(?![${WORD()}])`;
const BOUNDARY = () => `(?:${wordStart()}|${wordEnd()})`;
const NOT_BOUNDARY = () => `(?:(?<=[${WORD()}])(?=[${WORD()}])|(?<![${WORD()}])(?![${WORD()}]))`;

const isHex = (c: string | undefined) => c !== undefined && /[0-9A-Fa-f]/.test(c);

export function pgRegexToMongo(pattern: string, span?: SourceSpan): MongoRegex {
  const fail = (what: string) => unsupported('lower', `${what} in a regular expression`, span);
  /** a pattern PostgreSQL itself refuses, with its message */
  const invalid = (what: string) => new SqlEtlError('invalid-regular-expression', 'lower', `invalid regular expression: ${what}`, { span });
  let caseInsensitive: boolean | undefined;
  let p = pattern;
  // directors and embedded options (PostgreSQL reads them only at the very start)
  if (p.startsWith('***=')) return { regex: [...p.slice(4)].map((ch) => literalChar(ch.codePointAt(0)!)).join('') };
  if (p.startsWith('***:')) p = p.slice(4);
  const opts = /^\(\?([a-z]+)\)/.exec(p);
  if (opts) {
    for (const o of opts[1]) {
      if (o === 'i') caseInsensitive = true;
      else if (o === 'c') caseInsensitive = false;
      else throw fail(`the embedded option (?${o})`);
    }
    p = p.slice(opts[0].length);
  }
  const chars = [...p];
  let out = '';
  let i = 0;

  /** An escape that stands for one character (code point), or undefined. `i` is at the backslash. */
  const charEscape = (): number | undefined => {
    const e = chars[i + 1];
    const simple: Record<string, number> = { a: 7, b: 8, B: 0x5c, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };
    if (e in simple) {
      i += 2;
      return simple[e];
    }
    if (e === 'c' && chars[i + 2] !== undefined) {
      const c = chars[i + 2].codePointAt(0)! & 0x1f;
      i += 3;
      return c;
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const digits = chars.slice(i + 2, i + 2 + n);
      if (digits.length !== n || !digits.every(isHex)) throw invalid('invalid escape \\ sequence');
      i += 2 + n;
      return parseInt(digits.join(''), 16);
    }
    if (e === 'x') {
      let j = i + 2;
      while (isHex(chars[j])) j++;
      if (j === i + 2) throw invalid('invalid escape \\ sequence');
      const c = parseInt(chars.slice(i + 2, j).join(''), 16);
      i = j;
      return c;
    }
    if (e === '0') {
      let j = i + 2;
      while (j < i + 4 && /[0-7]/.test(chars[j] ?? '')) j++;
      const c = parseInt('0' + chars.slice(i + 2, j).join(''), 8);
      i = j;
      return c;
    }
    if (e !== undefined && !/[A-Za-z0-9]/.test(e)) {
      i += 2;
      return e.codePointAt(0)!;
    }
    return undefined;
  };
  const checkChar = (c: number) => {
    if (c === 0) throw fail('a NUL character (\\0)');
    if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) throw invalid('invalid escape \\ sequence');
    return c;
  };

  /** A bracket expression from `i` (at `[`) to its `]`. */
  const bracket = (): string => {
    // [[:<:]] and [[:>:]]: word start and end
    const rest = chars.slice(i, i + 7).join('');
    if (rest === '[[:<:]]' || rest === '[[:>:]]') {
      i += 7;
      return rest === '[[:<:]]' ? wordStart() : wordEnd();
    }
    i++;
    let body = '';
    let negated = false;
    if (chars[i] === '^') {
      negated = true;
      i++;
    }
    let first = true;
    /** one endpoint-able element: a character code, or a set body for classes */
    const element = (): { char?: number; set?: string } => {
      const c = chars[i];
      if (c === '[' && (chars[i + 1] === ':' || chars[i + 1] === '.' || chars[i + 1] === '=')) {
        const kind = chars[i + 1];
        const end = chars.indexOf(kind, i + 2);
        if (end < 0 || chars[end + 1] !== ']') throw invalid('brackets [] not balanced');
        const name = chars.slice(i + 2, end).join('');
        i = end + 2;
        if (kind === ':') {
          const set = classBody(name);
          if (set === undefined) throw invalid('invalid character class');
          return { set };
        }
        if ([...name].length !== 1) throw fail(`the collating element [${kind}${name}${kind}]`);
        return { char: checkChar(name.codePointAt(0)!) };
      }
      if (c === '\\') {
        const e = chars[i + 1];
        if (e === 'd' || e === 's' || e === 'w') {
          i += 2;
          return { set: e === 'd' ? '0-9' : e === 's' ? SPACE() : WORD() };
        }
        if (e === 'D') {
          i += 2;
          return { set: '\\D' }; // ASCII digits on every engine, as in PostgreSQL
        }
        if (e === 'S' || e === 'W') throw fail(`\\${e} inside a bracket expression`);
        const ch = charEscape();
        if (ch === undefined) throw invalid('invalid escape \\ sequence');
        return { char: checkChar(ch) };
      }
      i++;
      return { char: c.codePointAt(0)! };
    };
    for (;;) {
      if (i >= chars.length) throw invalid('brackets [] not balanced');
      // a `]` first in the class (after an optional `^`) is a literal
      if (chars[i] === ']' && !first) {
        i++;
        break;
      }
      first = false;
      const a = element();
      if (a.set !== undefined) {
        body += a.set;
        continue;
      }
      if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
        i++;
        const b = element();
        if (b.char === undefined) throw fail('a character class as a range endpoint');
        if (b.char < a.char!) throw invalid('invalid character range');
        body += `${inClass(a.char!, span)}-${inClass(b.char, span)}`;
      } else body += inClass(a.char!, span);
    }
    return `[${negated ? '^' : ''}${body}]`;
  };

  let groups = 0;
  let backReference = false;
  while (i < chars.length) {
    const c = chars[i];
    if (c === '\\') {
      const e = chars[i + 1];
      if (e === undefined) throw invalid('invalid escape \\ sequence');
      const classEsc: Record<string, () => string> = {
        d: () => '\\d',
        D: () => '\\D',
        s: () => `[${SPACE()}]`,
        S: () => `[^${SPACE()}]`,
        w: () => `[${WORD()}]`,
        W: () => `[^${WORD()}]`,
        y: BOUNDARY,
        Y: NOT_BOUNDARY,
        m: wordStart,
        M: wordEnd,
        A: () => '^',
        Z: () => END,
      };
      if (classEsc[e]) {
        out += classEsc[e]();
        i += 2;
        continue;
      }
      if (/[1-9]/.test(e)) {
        // a back reference
        let j = i + 1;
        while (/[0-9]/.test(chars[j] ?? '') && Number(chars.slice(i + 1, j + 1).join('')) <= groups) j++;
        if (j === i + 1) throw invalid('invalid backreference number');
        out += `(?:\\${chars.slice(i + 1, j).join('')})`;
        i = j;
        backReference = true;
        continue;
      }
      const ch = charEscape();
      if (ch === undefined) throw invalid('invalid escape \\ sequence');
      out += literalChar(checkChar(ch));
      continue;
    }
    if (c === '[') {
      out += bracket();
      continue;
    }
    if (c === '$') {
      out += END;
      i++;
      continue;
    }
    if (c === '(') {
      if (chars[i + 1] === '?') {
        const look = chars.slice(i + 2, i + 4).join('');
        const prefix = look.startsWith(':') || look.startsWith('=') || look.startsWith('!') ? 1 : look === '<=' || look === '<!' ? 2 : 0;
        if (!prefix) throw fail(`the group (?${chars[i + 2] ?? ''}`);
        out += chars.slice(i, i + 2 + prefix).join('');
        i += 2 + prefix;
        continue;
      }
      groups++;
      out += '(';
      i++;
      continue;
    }
    if (c === '{') {
      const bound = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i, i + 24).join(''));
      if (bound) {
        out += bound[0];
        i += bound[0].length;
      } else {
        out += '\\{';
        i++;
      }
      continue;
    }
    if (c === '}' || c === ']') {
      out += '\\' + c;
      i++;
      continue;
    }
    const cp = c.codePointAt(0)!;
    // metacharacters keep their meaning; other characters are written literally
    out += /[.^*+?|)]/.test(c) ? c : literalChar(cp);
    i++;
  }
  try {
    // what is left for an engine to refuse (unbalanced parentheses, a quantifier without operand) PostgreSQL refuses too
    new RegExp(out, 's');
  } catch (err) {
    const reason = String((err as Error).message).replace(/^Invalid regular expression: \/.*\/s?: /, '').toLowerCase();
    // in PostgreSQL's words where they differ from JavaScript's (`a**`, `+a`)
    throw invalid(reason === 'nothing to repeat' ? 'quantifier operand invalid' : reason);
  }
  return { regex: out, ...(caseInsensitive === undefined ? {} : { caseInsensitive }), ...(backReference ? { backReference } : {}) };
}

/** The pattern and options of a LIKE/ILIKE/`~`/`~*` with a constant pattern (`s`: `.` and `_` match a newline, as in PostgreSQL). */
export function regexOf(e: LikeExpr, pattern: string): { regex: string; options: string; backReference?: boolean } {
  if (e.syntax === 'like') return { regex: likeToRegex(pattern), options: (e.caseInsensitive ? 'i' : '') + 's' };
  const r = pgRegexToMongo(pattern, e.pattern.span ?? e.span);
  return { regex: r.regex, options: ((r.caseInsensitive ?? e.caseInsensitive) ? 'i' : '') + 's', backReference: r.backReference };
}
