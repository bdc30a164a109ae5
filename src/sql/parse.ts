import { loadModule, parseSync } from 'libpg-query';
import { rewriteTryCast } from './try-cast-syntax.js';
import type { Node } from '@pgsql/types';
import { SqlEtlError, type SourceSpan } from '../errors.js';
import { byteToCharMapper } from './offsets.js';
import { scanTokens, substituteParams, type ParamSlots } from './params.js';

/** One statement of a script: its raw PostgreSQL parse tree and where it sits in the text. */
export interface ParsedStatement {
  node: Node;
  /** char offsets of the statement text within the script */
  start: number;
  end: number;
  sql: string;
}

export interface ParsedScript {
  statements: ParsedStatement[];
  params: ParamSlots;
  /** converts a parse-tree location (UTF-8 byte offset) to a char offset */
  toChar: (byteOffset: number) => number;
  /** the first occurrence of a keyword token at or after a char offset (for constructs the tree does not locate) */
  keywordSpan: (word: string, fromChar: number) => SourceSpan | undefined;
}

let loaded: Promise<void> | undefined;
/** The parser is WebAssembly: load it once, then parse synchronously. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/** Hints for syntax errors sqletl users commonly meet. */
function syntaxHints(text: string, at: number): string[] {
  const here = text.slice(at);
  if (/^format\s+json\b/i.test(here) || (/^json\b/i.test(here) && /format\s*$/i.test(text.slice(Math.max(0, at - 20), at)))) {
    return ["json is a reserved word in PostgreSQL's grammar: write FORMAT 'json'"];
  }
  return [];
}

/**
 * The parse tree of a type name given as text (`pg_input_is_valid(x, 'varchar(4)')`), read by
 * PostgreSQL's grammar as in a cast, or undefined when the text is not exactly one type name.
 */
export function parseTypeName(text: string): Record<string, unknown> | undefined {
  if (/[;]|--|\/\*/.test(text)) return undefined;
  let result: { stmts?: { stmt?: Record<string, any> }[] };
  try {
    result = parseSync(`SELECT NULL::${text}`) as typeof result;
  } catch {
    return undefined;
  }
  const select = result.stmts?.length === 1 ? result.stmts[0].stmt?.SelectStmt : undefined;
  if (!select || select.fromClause || select.whereClause || select.targetList?.length !== 1 || Object.keys(select).some((k) => !['targetList', 'limitOption', 'op'].includes(k))) return undefined;
  const cast = select.targetList[0].ResTarget?.val?.TypeCast;
  return cast?.arg?.A_Const?.isnull ? cast.typeName : undefined;
}

export function parseScript(text: string): ParsedScript {
  checkCharacters(text);
  const substituted = substituteParams(text);
  const params = { ...substituted, text: rewriteTryCast(substituted.text) };
  const toChar = byteToCharMapper(params.text);
  let result: { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] };
  try {
    // libpg-query rejects an empty string ("Query cannot be empty"); an empty script has no statements
    result = params.text === '' ? { stmts: [] } : (parseSync(params.text) as typeof result);
  } catch (err) {
    const details = (err as { sqlDetails?: { message: string; cursorPosition?: number } }).sqlDetails;
    if (details?.cursorPosition !== undefined) {
      const pos = toChar(details.cursorPosition);
      throw new SqlEtlError('syntax-error', 'parse', details.message, { span: { start: pos, end: pos + 1 }, hints: syntaxHints(params.text, pos) });
    }
    // no position: the parser itself gave up (its stack overflows on a very deep expression)
    const start = failingStatement(params.text, toChar);
    const tooDeep = err instanceof RangeError;
    throw new SqlEtlError(tooDeep ? 'statement-too-complex' : 'syntax-error', 'parse', tooDeep ? 'statement is nested too deeply to parse' : details?.message ?? (err as Error).message, {
      span: { start, end: start + 1 },
      hints: tooDeep ? ['split a very long chain of operators (a + b + …) or deeply nested parentheses into smaller parts'] : [],
      cause: err,
    });
  }
  const statements: ParsedStatement[] = [];
  for (const s of result.stmts ?? []) {
    if (!s.stmt) continue;
    const startByte = s.stmt_location ?? 0;
    const start = toChar(startByte);
    const end = s.stmt_len ? toChar(startByte + s.stmt_len) : text.length;
    // skip the leading whitespace/comments the statement span includes
    const raw = text.slice(start, end);
    const lead = leadingTrivia(raw);
    statements.push({ node: s.stmt, start: start + lead, end, sql: raw.slice(lead).trim() });
  }
  let tokens: { start: number; end: number; text: string }[] | undefined;
  const keywordSpan = (word: string, fromChar: number): SourceSpan | undefined => {
    if (!tokens) {
      try {
        tokens = scanTokens(params.text).map((t) => ({ start: toChar(t.start), end: toChar(t.end), text: t.text.toUpperCase() }));
      } catch {
        tokens = []; // the text parsed, so this does not happen; without tokens the caller reports the statement's position
      }
    }
    const t = tokens.find((x) => x.start >= fromChar && x.text === word);
    return t && { start: t.start, end: t.end };
  };
  return { statements, params, toChar, keywordSpan };
}

/** Char offset of the first statement that does not parse on its own (statements split at `;` tokens). */
function failingStatement(text: string, toChar: (byte: number) => number): number {
  let tokens: { start: number; end: number; text: string }[];
  try {
    tokens = scanTokens(text);
  } catch {
    return leadingTrivia(text);
  }
  let first = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].text !== ';') continue;
    if (first < i) {
      const from = toChar(tokens[first].start);
      const to = toChar(tokens[i - 1].end);
      try {
        parseSync(text.slice(from, to));
      } catch {
        return from;
      }
    }
    first = i + 1;
  }
  return leadingTrivia(text);
}

/**
 * Characters PostgreSQL never receives: a NUL would end the C string the parser
 * reads (silently dropping the rest of the script), and an unpaired UTF-16
 * surrogate has no UTF-8 form (it would become U+FFFD inside a literal).
 */
function checkCharacters(text: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (!bad) return;
  const what = bad[0] === '\u0000' ? 'a NUL character (0x00)' : `an unpaired UTF-16 surrogate (U+${bad[0].charCodeAt(0).toString(16).toUpperCase()})`;
  throw new SqlEtlError('invalid-character', 'parse', `invalid input: ${what} is not allowed in SQL text`, {
    span: { start: bad.index, end: bad.index + 1 },
  });
}

function leadingTrivia(s: string): number {
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (s.startsWith('--', i)) {
      const nl = s.indexOf('\n', i);
      i = nl < 0 ? s.length : nl + 1;
    } else if (s.startsWith('/*', i)) {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? s.length : close + 2;
    } else return i;
  }
}
