import { loadModule, parseSync } from 'libpg-query';
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

export function parseScript(text: string): ParsedScript {
  checkCharacters(text);
  const params = substituteParams(text);
  const toChar = byteToCharMapper(params.text);
  let result: { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] };
  try {
    // libpg-query rejects an empty string ("Query cannot be empty"); an empty script has no statements
    result = params.text === '' ? { stmts: [] } : (parseSync(params.text) as typeof result);
  } catch (err) {
    const details = (err as { sqlDetails?: { message: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (err as Error).message;
    const pos = details?.cursorPosition;
    throw new SqlEtlError('syntax-error', 'parse', message, {
      span: pos !== undefined ? { start: toChar(pos), end: toChar(pos) + 1 } : undefined,
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
