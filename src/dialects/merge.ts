import type { Ast } from './parse-dialect.js';
import { pgIdent } from './pg-text.js';
import { columnName, expr } from './translate-expr.js';
import { query } from './translate-query.js';
import { Translator } from './translator.js';
import { isWord, type Token } from './tokens.js';

/**
 * MERGE for T-SQL, Snowflake and BigQuery. node-sql-parser 5.4 has no MERGE
 * grammar in any of them, so the statement's frame is read here from its tokens
 *
 *   MERGE [INTO] target [[AS] t] USING table | (query) [[AS] s] ON cond
 *   WHEN MATCHED [AND cond] THEN UPDATE SET c = e, … | DELETE
 *   WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT [(cols)] VALUES (e, …)
 *
 * and each piece that holds SQL (the source query, conditions, assignments,
 * values) is parsed by the dialect's grammar on its own, wrapped in a small
 * statement whose offsets are shifted back, so a syntax error inside still
 * points at the user's text. The result is PostgreSQL's MERGE, which sqletl
 * lowers as it does for the PostgreSQL dialect.
 */
export function isMerge(tokens: Token[]): boolean {
  return isWord(tokens[0], 'MERGE');
}

type ParseFragment = (sql: string, offset: number) => Ast;

export function mergeStatement(tx: Translator, text: string, parse: ParseFragment): void {
  if (tx.dialect === 'mysql') throw tx.fail('MERGE', tx.base, ['MySQL has no MERGE: write INSERT … ON DUPLICATE KEY UPDATE']);
  const r = new Reader(tx, text, parse);
  r.next(); // MERGE
  r.optional('INTO');
  tx.write('MERGE INTO ', tx.base);
  r.name();
  r.alias('USING');
  const using = r.expect('USING');
  tx.write(' USING ', using.start);
  const derived = r.peek()?.value === '(';
  if (derived) {
    const [from, to] = r.parenthesized();
    tx.write('(');
    const ast = parse(text.slice(from, to), from);
    query(r.sub(from, 0), ast);
    tx.write(')');
  } else r.name();
  // a derived table needs a name in PostgreSQL; a table keeps its own
  if (!r.alias('ON') && derived) tx.write(' AS "source"');
  const on = r.expect('ON');
  tx.write(' ON ', on.start);
  r.condition(['WHEN']);
  if (!isWord(r.peek(), 'WHEN')) throw tx.fail('MERGE without WHEN clauses', r.peek()?.start ?? on.start);
  while (isWord(r.peek(), 'WHEN')) r.whenClause();
  if (r.peek()) throw tx.fail(`"${r.peek()!.value}" here in MERGE`, r.peek()!.start);
}

/** Reads the MERGE statement's tokens left to right, writing PostgreSQL as it goes. */
class Reader {
  private i = 0;

  constructor(
    private readonly tx: Translator,
    private readonly text: string,
    private readonly parse: ParseFragment,
  ) {}

  peek(k = 0): Token | undefined {
    return this.tx.tokens[this.i + k];
  }

  next(): Token {
    const t = this.tx.tokens[this.i++];
    if (!t) throw this.tx.fail('an incomplete MERGE', this.tx.tokens[this.tx.tokens.length - 1]?.end);
    return t;
  }

  optional(word: string): Token | undefined {
    return isWord(this.peek(), word) ? this.next() : undefined;
  }

  expect(word: string): Token {
    const t = this.peek();
    if (!isWord(t, word)) throw this.tx.fail(`MERGE without ${word} here`, t?.start ?? this.tx.tokens[this.tx.tokens.length - 1]?.end);
    return this.next();
  }

  /** A (possibly qualified) table name; T-SQL's schema part and BigQuery's project are dropped as elsewhere. */
  name(): void {
    const parts: Token[] = [this.identifier()];
    while (this.peek()?.value === '.') {
      this.next();
      parts.push(this.identifier());
    }
    let names = parts.flatMap((t) => (t.kind === 'quoted' && t.value.includes('.') ? t.value.split('.').map((v) => ({ ...t, value: v })) : [t]));
    if (this.tx.dialect === 'tsql' && names.length === 3) names = [names[0], names[2]];
    else if (this.tx.dialect === 'tsql' && names.length === 2 && names[0].value.toLowerCase() === 'dbo') names = [names[1]];
    names = names.slice(-2);
    names.forEach((t, k) => {
      if (k > 0) this.tx.write('.');
      this.tx.write(pgIdent(t.kind === 'quoted' ? t.value : t.value.toLowerCase()), t.start);
    });
  }

  private identifier(): Token {
    const t = this.next();
    if (t.kind !== 'word' && t.kind !== 'quoted') throw this.tx.fail(`"${t.value}" as a name in MERGE`, t.start);
    return t;
  }

  /** `[AS] alias` unless the next word is `stop`; true when there was one. */
  alias(stop: string): boolean {
    const as = this.optional('AS');
    const t = this.peek();
    if (!as && (!t || isWord(t, stop))) return false;
    const name = this.identifier();
    this.tx.write(` AS ${pgIdent(name.kind === 'quoted' ? name.value : name.value.toLowerCase())}`, name.start);
    return true;
  }

  /** The tokens of `( … )`: the char range inside the parentheses. */
  parenthesized(): [number, number] {
    const open = this.next();
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.value === '(' && t.kind === 'punct') depth++;
      else if (t.value === ')' && t.kind === 'punct' && --depth === 0) return [open.end, t.start];
    }
  }

  /** Tokens up to (not including) a top-level stop word: their char range. */
  private until(stops: string[]): [number, number] {
    const first = this.peek();
    if (!first || stops.some((s) => isWord(first, s))) throw this.tx.fail('an empty condition in MERGE', first?.start ?? this.tx.tokens[this.tx.tokens.length - 1]?.end);
    let depth = 0;
    let last = first;
    while (this.peek()) {
      const t = this.peek()!;
      if (depth === 0 && stops.some((s) => isWord(t, s))) break;
      // CASE … WHEN … END inside a condition or assignment nests like parentheses
      if ((t.kind === 'punct' && t.value === '(') || isWord(t, 'CASE')) depth++;
      if ((t.kind === 'punct' && t.value === ')') || isWord(t, 'END')) depth--;
      last = this.next();
    }
    return [first.start, last.end];
  }

  /** A translator for a fragment parsed from `prefix + text.slice(from)`: its node locations shift back by the prefix. */
  sub(from: number, prefixLength: number): Translator {
    const tx = this.tx;
    const sub = new Translator(tx.dialect, tx.out, tx.tokens, from - prefixLength, tx.params, tx.tables, tx.translations);
    sub.seek({ start: { offset: prefixLength } });
    return sub;
  }

  /** A boolean condition up to a stop word, parsed as `SELECT 1 WHERE <cond>`. */
  condition(stops: string[]): void {
    const [from, to] = this.until(stops);
    const prefix = 'SELECT 1 FROM __sqletl_merge WHERE ';
    const ast = this.parse(prefix + this.text.slice(from, to), from - prefix.length);
    expr(this.sub(from, prefix.length), ast.where);
  }

  whenClause(): void {
    const when = this.next();
    const not = this.optional('NOT');
    const matched = this.expect('MATCHED');
    if (this.optional('BY')) {
      const side = this.next();
      if (isWord(side, 'SOURCE')) throw this.tx.fail('WHEN NOT MATCHED BY SOURCE', when.start);
      if (!isWord(side, 'TARGET')) throw this.tx.fail(`BY ${side.value}`, side.start);
    }
    this.tx.write(not ? ' WHEN NOT MATCHED' : ' WHEN MATCHED', when.start ?? matched.start);
    if (this.optional('AND')) {
      this.tx.write(' AND ');
      this.condition(['THEN']);
    }
    this.expect('THEN');
    const action = this.next();
    if (isWord(action, 'UPDATE') && !not) return this.update(action);
    if (isWord(action, 'DELETE') && !not) {
      this.tx.write(' THEN DELETE', action.start);
      return;
    }
    if (isWord(action, 'INSERT') && not) return this.insert(action);
    throw this.tx.fail(`${action.value.toUpperCase()} in WHEN ${not ? 'NOT ' : ''}MATCHED`, action.start);
  }

  private update(action: Token): void {
    this.expect('SET');
    const [from, to] = this.until(['WHEN']);
    const prefix = 'UPDATE __sqletl_merge SET ';
    const ast = this.parse(prefix + this.text.slice(from, to), from - prefix.length);
    const sub = this.sub(from, prefix.length);
    sub.write(' THEN UPDATE SET ', action.start);
    (ast.set as Ast[]).forEach((a, k) => {
      if (k > 0) sub.write(', ');
      // PostgreSQL's SET names the target's column without a qualifier
      sub.ident(columnName(a.column));
      sub.write(' = ');
      expr(sub, a.value?.type === 'expr' ? a.value.expr : a.value);
    });
  }

  private insert(action: Token): void {
    if (isWord(this.peek(), 'ROW')) throw this.tx.fail('INSERT ROW', this.peek()!.start, ['list the columns: INSERT (a, b) VALUES (s.a, s.b)']);
    this.tx.write(' THEN INSERT', action.start);
    if (this.peek()?.value === '(') {
      const [from, to] = this.parenthesized();
      const names = this.tx.tokens.filter((t) => t.start >= from && t.end <= to && t.kind !== 'punct');
      this.tx.write(` (${names.map((t) => pgIdent(t.kind === 'quoted' ? t.value : t.value.toLowerCase())).join(', ')})`, from);
    }
    const values = this.expect('VALUES');
    if (this.peek()?.value !== '(') throw this.tx.fail('VALUES without a list', values.start);
    const [from, to] = this.parenthesized();
    const prefix = 'SELECT ';
    const ast = this.parse(prefix + this.text.slice(from, to), from - prefix.length);
    const sub = this.sub(from, prefix.length);
    sub.write(' VALUES (', values.start);
    (ast.columns as Ast[]).forEach((c, k) => {
      if (k > 0) sub.write(', ');
      expr(sub, c.expr);
    });
    sub.write(')');
  }
}
