import { loadModule, parseSync, scanSync } from 'libpg-query';
import type { Node } from '@pgsql/types';
import { SqlEtlError, type SourceSpan } from '../errors.js';
import { byteToCharMapper } from './offsets.js';
import { substituteParams, type ParamSlots } from './params.js';

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
  const params = substituteParams(text);
  const toChar = byteToCharMapper(params.text);
  let result: { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] };
  try {
    result = parseSync(params.text) as typeof result;
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
    tokens ??= scanSync(params.text).tokens.map((t) => ({ start: toChar(t.start), end: toChar(t.end), text: t.text.toUpperCase() }));
    const t = tokens.find((x) => x.start >= fromChar && x.text === word);
    return t && { start: t.start, end: t.end };
  };
  return { statements, params, toChar, keywordSpan };
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
