import { SqlEtlError } from '../errors.js';
import { DIALECT_TITLE, type ForeignDialect } from './dialects.js';

/**
 * A small lexer for the non-PostgreSQL dialects. node-sql-parser's tree carries
 * source locations only on function calls, so the translator finds the other
 * places (identifiers, literals, keywords) in this token list; it also splits a
 * script into statements at top-level `;` with exact offsets, and tells quoted
 * identifiers (`[x]`, `` `x` ``, `"x"`: case kept) from bare ones (folded).
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** the identifier or string without its quotes; the raw text otherwise */
  value: string;
  /** char offsets into the whole script */
  start: number;
  end: number;
}

interface Quoting {
  /** opening char → closing char of delimited identifiers */
  identifiers: Record<string, string>;
  /** chars that open a string literal */
  strings: string[];
  /** backslash escapes inside strings */
  backslash: boolean;
  /** `#` starts a comment */
  hashComment: boolean;
  /** `//` starts a comment */
  slashComment: boolean;
}

const QUOTING: Record<ForeignDialect, Quoting> = {
  tsql: { identifiers: { '[': ']', '"': '"' }, strings: ["'"], backslash: false, hashComment: false, slashComment: false },
  snowflake: { identifiers: { '"': '"' }, strings: ["'"], backslash: true, hashComment: false, slashComment: true },
  bigquery: { identifiers: { '`': '`' }, strings: ["'", '"'], backslash: true, hashComment: true, slashComment: false },
  mysql: { identifiers: { '`': '`' }, strings: ["'", '"'], backslash: true, hashComment: true, slashComment: false },
};

const TWO_CHAR = new Set(['<=', '>=', '<>', '!=', '::', '||', '&&', '->', '=>']);

export function tokenize(text: string, dialect: ForeignDialect): Token[] {
  const q = QUOTING[dialect];
  const out: Token[] = [];
  let i = 0;
  const unterminated = (what: string, at: number) =>
    new SqlEtlError('syntax-error', 'parse', `${DIALECT_TITLE[dialect]}: unterminated ${what}`, { span: { start: at, end: at + 1 } });
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith('--', i) || (q.hashComment && c === '#') || (q.slashComment && text.startsWith('//', i))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw unterminated('comment', i);
      i = close + 2;
      continue;
    }
    const start = i;
    if (q.identifiers[c] !== undefined || q.strings.includes(c)) {
      const close = q.identifiers[c] ?? c;
      const isString = q.identifiers[c] === undefined;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw unterminated(isString ? 'string literal' : 'quoted identifier', start);
        if (isString && q.backslash && text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (text[i] === close) {
          if (text[i + 1] === close) {
            value += close;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      out.push({ kind: isString ? 'string' : 'quoted', value, start, end: i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:[0-9]*\.?[0-9]+|[0-9]+\.)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      i += m[0].length;
      out.push({ kind: 'number', value: m[0], start, end: i });
      continue;
    }
    if ((c === ':' || c === '@') && /[A-Za-z_]/.test(text[i + 1] ?? '') && text[i - 1] !== ':') {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))!;
      i += 1 + m[0].length;
      out.push({ kind: 'param', value: m[0], start, end: i });
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(text.slice(i))!;
      i += m[0].length;
      out.push({ kind: 'word', value: m[0], start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    const len = TWO_CHAR.has(two) ? 2 : 1;
    out.push({ kind: 'punct', value: text.slice(i, i + len), start, end: i + len });
    i += len;
  }
  return out;
}

/** A statement's tokens and its text span (from its first token to the end of its last). */
export interface StatementTokens {
  tokens: Token[];
  start: number;
  end: number;
}

/** Splits at top-level `;` (T-SQL's MERGE needs its `;`, so a trailing one is dropped, not required). */
export function splitStatements(tokens: Token[]): StatementTokens[] {
  const out: StatementTokens[] = [];
  let current: Token[] = [];
  let depth = 0;
  const flush = () => {
    if (current.length) out.push({ tokens: current, start: current[0].start, end: current[current.length - 1].end });
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'punct') {
      if (t.value === '(') depth++;
      else if (t.value === ')') depth = Math.max(0, depth - 1);
      else if (t.value === ';' && depth === 0) {
        flush();
        continue;
      }
    }
    current.push(t);
  }
  flush();
  return out;
}

/** A keyword test, case-insensitive, on bare words only. */
export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return !!t && t.kind === 'word' && words.includes(t.value.toUpperCase());
}
