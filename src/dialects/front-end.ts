import { parseSync } from 'libpg-query';
import type { Node } from '@pgsql/types';
import { SqlEtlError, type SourceSpan } from '../errors.js';
import type { ParsedScript, ParsedStatement } from '../sql/parse.js';
import { DIALECT_TITLE, type ForeignDialect } from './dialects.js';
import { isMerge, mergeStatement } from './merge.js';
import { loadDialectParser, parseDialectStatement, type Ast } from './parse-dialect.js';
import { PgText } from './pg-text.js';
import { statement } from './translate-statement.js';
import { TRANSLATIONS } from './translations.js';
import { Translator, type KnownTable, type ScriptParams } from './translator.js';
import { splitStatements, tokenize, type Token } from './tokens.js';
import { extractUnpivot } from './unpivot-prepass.js';
import { extractQualify } from './qualify-prepass.js';

type Parser = Awaited<ReturnType<typeof loadDialectParser>>;
const ready = new Map<ForeignDialect, Parser>();

/** Loads a dialect's grammar (once) so that parsing can be synchronous like PostgreSQL's. */
export async function loadDialect(dialect: ForeignDialect): Promise<void> {
  if (!ready.has(dialect)) ready.set(dialect, await loadDialectParser(dialect));
}

/**
 * A script in another dialect → what the PostgreSQL front end produces (a
 * ParsedScript: PostgreSQL parse trees with positions), so binding, planning and
 * lowering are the same for every dialect. Each statement is parsed by
 * node-sql-parser (syntax errors name the dialect and point at the token), its
 * tree is written out as PostgreSQL text (src/dialects/translate-*.ts) with a
 * source map, and that text is parsed by libpg-query. The binder's `toChar`
 * maps parse-tree locations through the source map, so a later error points at
 * the dialect statement: at the identifier, literal, function or clause keyword
 * it came from where the translator knows it, else at the statement's start.
 *
 * `known` tells the columns and key of tables declared before the script
 * (--schema); CREATE TABLE statements in the script add to them.
 */
export function parseDialectScript(text: string, dialect: ForeignDialect, known: (name: string, db?: string) => KnownTable | undefined): ParsedScript {
  const parser = ready.get(dialect);
  if (!parser) throw new Error(`the ${dialect} grammar is not loaded (call loadDialect first)`);
  const tokens = tokenize(text, dialect);
  const declared = new Map<string, KnownTable>();
  const tables = (name: string, db?: string) => declared.get(db ? `${db}.${name}` : name) ?? known(name, db);
  const declare = (name: string, db: string | undefined, t: KnownTable) => declared.set(db ? `${db}.${name}` : name, t);
  const out = new PgText();
  const params: ScriptParams = { names: new Map(), offsets: new Map() };
  const spans: { start: number; end: number; sql: string }[] = [];
  for (const st of splitStatements(tokens)) {
    if (spans.length) out.write(';\n');
    out.mark(st.start);
    const tx = new Translator(dialect, out, st.tokens, st.start, params, tables, TRANSLATIONS);
    if (isMerge(st.tokens)) {
      mergeStatement(tx, text, (sql, offset) => parseDialectStatement(parser, dialect, sql, offset));
    } else {
      const parse = (sql: string, offset: number) => parseDialectStatement(parser, dialect, sql, offset);
      // BigQuery clauses node-sql-parser's grammar lacks are read first and blanked out (positions kept)
      let sql = text.slice(st.start, st.end);
      const unpivot = dialect === 'bigquery' ? extractUnpivot(tx, sql) : undefined;
      sql = unpivot?.text ?? sql;
      const qualify = dialect === 'bigquery' ? extractQualify(tx, sql, parse) : undefined;
      const ast = parse(qualify?.text ?? sql, st.start);
      unpivot?.attach(ast);
      qualify?.attach(ast);
      statement(tx, ast as Ast, declare);
    }
    spans.push({ start: st.start, end: st.end, sql: text.slice(st.start, st.end) });
  }
  const pgText = out.text();
  const toChar = out.toDialect();
  let result: { stmts?: { stmt?: Node }[] };
  try {
    result = pgText === '' ? { stmts: [] } : (parseSync(pgText) as typeof result);
  } catch (err) {
    // the translation is PostgreSQL text sqletl wrote: a construct it passed on that PostgreSQL does not have
    const details = (err as { sqlDetails?: { message: string; cursorPosition?: number } }).sqlDetails;
    const at = toChar(details?.cursorPosition ?? 0);
    throw new SqlEtlError('unsupported-sql', 'parse', `${DIALECT_TITLE[dialect]}: this statement has no PostgreSQL translation in sqletl (${details?.message ?? (err as Error).message})`, {
      span: { start: at, end: at + 1 },
      hints: [`sqletl reads ${DIALECT_TITLE[dialect]} by translating it to PostgreSQL; see the README's Dialects section for what is supported`],
      cause: err,
      params: { feature: `this ${DIALECT_TITLE[dialect]} statement` },
    });
  }
  const stmts = result.stmts ?? [];
  if (stmts.length !== spans.length) throw new Error(`dialect translation produced ${stmts.length} statements for ${spans.length}`);
  const statements: ParsedStatement[] = stmts.map((s, i) => ({ node: s.stmt as Node, ...spans[i] }));
  return {
    statements,
    params: { text: pgText, names: params.names, offsets: params.offsets },
    toChar,
    keywordSpan: (word, fromChar) => keywordIn(tokens, word, fromChar),
  };
}

function keywordIn(tokens: Token[], word: string, fromChar: number): SourceSpan | undefined {
  const t = tokens.find((x) => x.start >= fromChar && x.kind === 'word' && x.value.toUpperCase() === word);
  return t && { start: t.start, end: t.end };
}
