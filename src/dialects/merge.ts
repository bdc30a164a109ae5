import type { Ast } from './parse-dialect.js';
import type { Translator } from './translator.js';
import { isWord, type Token } from './tokens.js';

/**
 * MERGE: node-sql-parser 5.4 parses MERGE in none of the four grammars, so the
 * statement is recognised by its first word and reported as unsupported, with
 * the dialect named and the position.
 */
export function isMerge(tokens: Token[]): boolean {
  return isWord(tokens[0], 'MERGE');
}

export function mergeStatement(tx: Translator, _text: string, _parse: (sql: string, offset: number) => Ast): void {
  throw tx.fail('MERGE', tx.base, ['node-sql-parser has no MERGE grammar for this dialect; write the upsert as INSERT … SELECT plus UPDATE, or use --dialect postgres']);
}
