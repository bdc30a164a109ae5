import { SqlEtlError } from '../errors.js';
import { DIALECT_TITLE, type ForeignDialect } from './dialects.js';
import type { Ast } from './parse-dialect.js';
import { PgText, pgIdent } from './pg-text.js';
import type { Token } from './tokens.js';

/** What the front end knows about a table before binding: its columns and key (for PIVOT sources and MySQL upserts). */
export interface KnownTable {
  columns: string[];
  key: string[];
}

export interface ScriptParams {
  /** positional number → parameter name (the binder's ParamSlots) */
  names: Map<number, string>;
  /** positional number → char offset of the parameter in the dialect text */
  offsets: Map<number, number>;
}

/**
 * The state of translating one dialect statement into PostgreSQL text: where
 * output goes (with its source map), the statement's tokens (to find the
 * positions node-sql-parser's tree does not carry), parameters, and the tables
 * known so far.
 */
/**
 * The translations that reach each other through the Translator rather than
 * through imports. They are mutually recursive by nature: an expression holds
 * subqueries (translate-expr → query), a FROM item can be a PIVOT or UNPIVOT that
 * translates its source as a FROM item again (translate-query → pivot → …), and a
 * function call follows its dialect's rule, which translates its arguments as
 * expressions (translate-expr → function-table → translate-expr). front-end.ts
 * passes them in (translations.ts), so each module imports the others one way.
 */
export interface Translations {
  /** a query or subquery (translate-query.ts) */
  query(tx: Translator, q: Ast): void;
  /** a FROM item with PIVOT / UNPIVOT (pivot.ts) */
  pivotSource(tx: Translator, item: Ast, op: Ast): void;
  unpivotSource(tx: Translator, item: Ast, op: Ast): void;
  /** each dialect's function rules, and the ones they share (function-table.ts, whose FunctionRule this is) */
  functions: Record<ForeignDialect | 'common', Record<string, (tx: Translator, args: Ast[], call: Ast, at: number | undefined) => void>>;
}

export class Translator {
  private cursor = 0;
  /** inside MySQL's ON DUPLICATE KEY UPDATE, where VALUES(col) is the proposed row's column */
  upsert = false;

  constructor(
    readonly dialect: ForeignDialect,
    readonly out: PgText,
    readonly tokens: Token[],
    /** where the statement starts in the script (node-sql-parser's offsets are relative to it) */
    readonly base: number,
    readonly params: ScriptParams,
    readonly tables: (name: string, db?: string) => KnownTable | undefined,
    readonly translations: Translations,
  ) {}

  get title(): string {
    return DIALECT_TITLE[this.dialect];
  }

  write(text: string, at?: number): this {
    this.out.write(text, at);
    return this;
  }

  /**
   * The next token (from the cursor) that satisfies `test`: node-sql-parser's tree
   * is written out mostly in source order, so a forward search finds the token a
   * node came from; when it does not (a clause that moves, like TOP → LIMIT), the
   * whole statement is searched. The cursor moves only on a forward hit.
   */
  find(test: (t: Token) => boolean): Token | undefined {
    for (let i = this.cursor; i < this.tokens.length; i++) {
      if (test(this.tokens[i])) {
        this.cursor = i + 1;
        return this.tokens[i];
      }
    }
    return this.tokens.find(test);
  }

  findWord(word: string): Token | undefined {
    const w = word.toUpperCase();
    return this.find((t) => t.kind === 'word' && t.value.toUpperCase() === w);
  }

  /** Puts the cursor at a node-sql-parser location (relative to the statement). */
  seek(loc: Ast | undefined): number | undefined {
    const rel = loc?.start?.offset;
    if (typeof rel !== 'number') return undefined;
    const at = this.base + rel;
    const i = this.tokens.findIndex((t) => t.start >= at);
    if (i >= 0) this.cursor = i;
    return at;
  }

  /** Where the cursor is (the next token's start), for marking generated text. */
  here(): number {
    return this.tokens[Math.min(this.cursor, this.tokens.length - 1)]?.start ?? this.base;
  }

  /**
   * An identifier as PostgreSQL should see it: a quoted one (`[x]`, `` `x` ``,
   * `"x"`) keeps its case, a bare one is folded to lower case as PostgreSQL folds
   * it (MongoDB field names are case-sensitive, and the documents' fields are
   * usually lower case).
   */
  ident(name: string): this {
    const t = this.find((x) => (x.kind === 'word' || x.kind === 'quoted') && x.value === name) ?? this.find((x) => x.kind === 'word' && x.value.toLowerCase() === name.toLowerCase());
    const folded = t?.kind === 'quoted' ? name : name.toLowerCase();
    return this.write(pgIdent(folded), t?.start);
  }

  /** The identifier's name as it will be bound (quoted: as written, bare: lower case), without writing. */
  identName(name: string): string {
    const t = this.tokens.find((x) => x.kind === 'quoted' && x.value === name);
    return t ? name : name.toLowerCase();
  }

  /** An error naming the dialect, at a position (default: the next token). */
  fail(what: string, at?: number, hints: string[] = []): SqlEtlError {
    const start = at ?? this.here();
    return new SqlEtlError('unsupported-sql', 'parse', `${what} is not supported in ${this.title} (--dialect ${this.dialect})`, { span: { start, end: start + 1 }, hints, params: { feature: what } });
  }

  /** `:name` (and T-SQL's `@name`) parameters become PostgreSQL's `$N`, bound by name as in the PostgreSQL front end. */
  param(name: string): this {
    const t = this.find((x) => x.kind === 'param' && x.value === name);
    let n = [...this.params.names].find(([, v]) => v === name)?.[0];
    if (n === undefined) {
      n = this.params.names.size + 1;
      this.params.names.set(n, name);
      if (t) this.params.offsets.set(n, t.start);
    }
    return this.write(`$${n}`, t?.start);
  }
}
