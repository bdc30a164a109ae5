import { SqlEtlError, unsupported, type SourceSpan } from '../errors.js';
import { mapExpr, type ColumnExpr, type Expr } from '../ir/expr.js';
import { widthField, type IntWidth, type SqlType } from '../ir/types.js';
import { closestName } from '../closest-name.js';
import { nullableRow, rowValue } from './bind-row.js';

/**
 * Name resolution for one query level. A relation is a collection (its documents
 * have any fields, unless a CREATE TABLE declared its columns), a CTE or a subquery
 * (whose output columns are known). An identifier resolves against the relations
 * first; leftover qualifiers are nested document paths (`profile.address.city`).
 *
 * In a join, each relation's documents sit at a `prefix` path of the joined row
 * (the first relation at the top, joined ones under `__jN`). A name that no
 * relation of this level has resolves in the enclosing query (a correlated
 * subquery): it is captured as a variable `$$oN` the subquery's `$lookup` binds.
 */
export interface RelationColumn {
  /**
   * a real column of a table declared in --schema: its stored values are whatever the data holds
   * (324.78 as a double), not singles, and PostgreSQL would have rounded them when they were stored,
   * so it is read through that rounding (`readDeclared`)
   */
  unroundedReal?: boolean;
  name: string;
  field: string;
  type: SqlType;
  /** int2/int4/int8 of a declared or computed integer column */
  intWidth?: IntWidth;
  /** character(n): its n (bind-bpchar.ts) */
  charLength?: number;
  /** numeric(p, s): its s (numeric-scale.ts) */
  numericScale?: number;
  /** a subquery's numeric column computed with a scale sqletl does not keep (its text is refused: lower-cast.ts) */
  computedNumeric?: true;
  /** a declared character(n) column: documents hold the value padded (or as a data file has it), read without trailing blanks */
  padded?: boolean;
  /** a varchar column (compared with character(n) as character) */
  varchar?: boolean;
  /** the relation's rows always hold a non-NULL value here (a subquery's COUNT, literal, …) */
  notNull?: boolean;
  /**
   * a computed column, read as this expression instead of a field: a JOIN … USING's
   * merged column (COALESCE of both sides for FULL), a column of an aliased join
   */
  expr?: Expr;
}

export interface Relation {
  /** the name the query refers to it by (alias, or the table/CTE name) */
  name: string;
  /** known columns, or undefined for an undeclared collection (any field) */
  columns?: RelationColumn[];
  /** subquery sources that pass rows through (`SELECT *` of an undeclared collection) */
  open?: boolean;
  /** where the relation's fields sit in the joined row */
  prefix: string[];
  /**
   * `--strict-columns`: the top-level field names a sample of the collection's
   * documents has (undefined: not sampled, any field). A name none of them has is
   * not a column of the relation (`_id` always is).
   */
  sampled?: readonly string[];
  /**
   * column names an enclosing JOIN … USING / NATURAL JOIN merged: an unqualified name
   * (and `SELECT *`) means the merged column, only `rel.name` reaches this one
   */
  hidden?: readonly string[];
  /** an unaliased collection's database (`db.t` and `other.t` may both be in one FROM) */
  db?: string;
  /** an aliased join `(a JOIN b …) AS j`: the names of the relations inside, which its alias hides */
  hides?: readonly string[];
  /** a declared table's PRIMARY KEY columns (their fields): grouped by all of them, its other columns may be read ungrouped */
  primaryKey?: readonly string[];
  /** on the NULL-extended side of an outer join: its whole row is NULL where the join found no row */
  nullExtended?: boolean;
}

/** Whether an unqualified name may reach the relation's column (not merged away by a USING join). */
export function visible(r: Relation, name: string): boolean {
  return !r.hidden?.includes(name);
}

/** Whether an undeclared relation may have the top-level field (always, unless sampled without it). */
function mayHave(r: Relation, name: string): boolean {
  return !r.sampled || name === '_id' || r.sampled.includes(name);
}

/** The names a relation is known to have, for a `did you mean` hint. */
function knownNames(r: Relation): string[] {
  return [...(r.columns ?? []).map((c) => c.name), ...(r.sampled ?? [])];
}

/** Outer references captured by a correlated subquery: variable name → outer expression. */
export class OuterCapture {
  readonly refs: { name: string; expr: Expr }[] = [];
  capture(expr: ColumnExpr): string {
    const key = JSON.stringify(expr.path);
    const found = this.refs.find((r) => r.expr.kind === 'column' && JSON.stringify(r.expr.path) === key);
    if (found) return found.name;
    const name = `o${this.refs.length}`;
    this.refs.push({ name, expr });
    return name;
  }
  /** an enclosing query's value that is not a column (its GROUPING(…) of its own grouping columns) */
  captureValue(expr: Expr): string {
    const name = `o${this.refs.length}`;
    this.refs.push({ name, expr });
    return name;
  }
}

const UNSAFE = (f: string) => f.startsWith('$') || f === '';

export class Scope {
  constructor(
    readonly relations: Relation[],
    readonly outer?: Scope,
    readonly capture?: OuterCapture,
  ) {}

  resolve(fields: string[], span?: SourceSpan): Expr {
    const local = this.tryResolve(fields, span);
    if (local) return local;
    if (this.outer && this.capture) {
      let outerExpr: Expr;
      try {
        outerExpr = this.outer.resolve(fields, span);
      } catch (err) {
        const whole = err instanceof SqlEtlError && err.code === 'undefined-column' && fields.length === 1 ? this.wholeRow(fields[0], span) : undefined;
        if (whole) return whole;
        // a sampled relation here did not have the name, nor did the enclosing query: hint from here too
        if (err instanceof SqlEtlError && err.code === 'undefined-column' && err.hints.length === 0) err.hints.push(...didYouMean(fields[0], this.relations.flatMap(knownNames)));
        throw err;
      }
      // each enclosing-row column it reads is captured (a USING join's merged FULL JOIN column is a COALESCE of two)
      const capture = this.capture;
      const captured = mapExpr(outerExpr, (x) => (x.kind === 'column' ? { kind: 'column', path: [`$$${capture.capture(x)}`], type: x.type, span } : undefined));
      return captured.kind === 'column' ? captured : { ...captured, span };
    }
    const whole = fields.length === 1 ? this.wholeRow(fields[0], span) : undefined;
    if (whole) return whole;
    if (this.relations.length === 0) {
      throw new SqlEtlError('undefined-column', 'bind', `column "${fields.join('.')}" does not exist`, { params: { column: fields.join('.') }, span, hints: ['this SELECT has no FROM clause'] });
    }
    this.refuseHidden(fields, span);
    if (fields.length > 1 && !this.relations.some((r) => !r.columns || r.open)) {
      throw new SqlEtlError('undefined-table', 'bind', `missing FROM-clause entry for table "${fields[0]}"`, { span, params: { table: fields[0] } });
    }
    throw new SqlEtlError('undefined-column', 'bind', `column "${fields[0]}" does not exist`, { params: { column: fields[0] }, span, hints: didYouMean(fields[0], this.relations.flatMap(knownNames)) });
  }

  /**
   * `t` (when no column has the name) or `t.*` as a value: the relation's whole row, a
   * composite of its columns in order (bind-row.ts); in an enclosing query's scope, its
   * columns are captured as for any correlated reference. Undefined when no relation
   * has the name.
   */
  wholeRow(name: string, span?: SourceSpan): Expr | undefined {
    const rel = this.relations.find((r) => r.name === name);
    if (rel) return wholeRowOf(rel, span);
    if (!this.outer || !this.capture) return undefined;
    const outerExpr = this.outer.wholeRow(name, span);
    if (!outerExpr) return undefined;
    const capture = this.capture;
    return mapExpr(outerExpr, (x) => (x.kind === 'column' ? { kind: 'column', path: [`$$${capture.capture(x)}`], type: x.type, span } : undefined));
  }

  /** `a.x` where a is inside an aliased join `(a JOIN b …) AS j`: PostgreSQL's own message */
  refuseHidden(fields: string[], span?: SourceSpan): void {
    if (fields.length > 1 && !this.relations.some((r) => r.name === fields[0]) && this.relations.some((r) => r.hides?.includes(fields[0]))) {
      throw new SqlEtlError('undefined-table', 'bind', `invalid reference to FROM-clause entry for table "${fields[0]}"`, {
        span,
        params: { table: fields[0] },
        hints: [`there is an entry for table "${fields[0]}", but it cannot be referenced from this part of the query (the join's alias hides it)`],
      });
    }
  }

  hasRelation(name: string): boolean {
    return this.relations.some((r) => r.name === name) || !!this.outer?.hasRelation(name);
  }

  /** Resolution in this level only; undefined when no relation here has the name. */
  private tryResolve(fields: string[], span?: SourceSpan): Expr | undefined {
    if (fields.length > 1) {
      const rel = this.relations.find((r) => r.name === fields[0]);
      if (rel) return this.inRelation(rel, fields.slice(1), span);
      // a qualifier naming an enclosing query's relation is a correlated reference,
      // not a nested path of a relation here
      if (this.outer?.hasRelation(fields[0])) return undefined;
    }
    const declared = this.relations.filter((r) => visible(r, fields[0]) && r.columns?.some((c) => c.name === fields[0]));
    if (declared.length > 1) {
      throw new SqlEtlError('ambiguous-column', 'bind', `column reference "${fields[0]}" is ambiguous`, { span, params: { column: fields[0] } });
    }
    if (declared.length === 1) return this.inRelation(declared[0], fields, span);
    // an undeclared collection whose sampled documents lack the name does not have it
    const open = this.relations.filter((r) => (!r.columns || r.open) && visible(r, fields[0]) && mayHave(r, fields[0]));
    if (open.length > 1) {
      throw new SqlEtlError('ambiguous-column', 'bind', `column reference "${fields[0]}" is ambiguous`, {
        span,
        params: { column: fields[0] },
        hints: [`qualify it (${open.map((r) => `${r.name}.${fields[0]}`).join(' or ')}), or declare the collections' columns with CREATE TABLE`],
      });
    }
    if (open.length === 1) return this.inRelation(open[0], fields, span);
    return undefined;
  }

  private inRelation(rel: Relation, fields: string[], span?: SourceSpan): Expr {
    const column = rel.columns?.find((c) => c.name === fields[0]);
    // an aliased join may have two columns of one name (`(a JOIN b ON …) AS j`, both with x)
    if (column && rel.columns!.filter((c) => c.name === fields[0]).length > 1) {
      throw new SqlEtlError('ambiguous-column', 'bind', `column reference "${fields[0]}" is ambiguous`, { span, params: { column: fields[0] } });
    }
    if (rel.columns && !column && !rel.open) {
      throw new SqlEtlError('undefined-column', 'bind', `column ${rel.name}.${fields[0]} does not exist`, { params: { column: fields[0], relation: rel.name }, span, hints: didYouMean(fields[0], rel.columns.map((c) => c.name)) });
    }
    if (!column && !mayHave(rel, fields[0])) {
      throw new SqlEtlError('undefined-column', 'bind', `column ${rel.name}.${fields[0]} does not exist`, { params: { column: fields[0], relation: rel.name }, span, hints: didYouMean(fields[0], knownNames(rel)) });
    }
    if (fields.some(UNSAFE)) {
      throw new SqlEtlError('unsafe-field-name', 'bind', `field name "${fields.find(UNSAFE)}" cannot be used as a document path`, { span });
    }
    if (column?.expr) {
      if (fields.length === 1) return { ...column.expr, span };
      if (column.expr.kind === 'column') return { kind: 'column', path: [...column.expr.path, ...fields.slice(1)], type: 'unknown', span };
      throw unsupported('bind', `a path into the merged column "${column.name}" of a FULL JOIN … USING`, span, ['qualify it with one of the joined tables']);
    }
    const path = [...rel.prefix, column ? column.field : fields[0], ...fields.slice(1)];
    const type: SqlType = fields.length > 1 ? 'unknown' : column?.type ?? 'unknown';
    const width = fields.length === 1 ? { ...widthField(type, column?.intWidth), ...(column?.numericScale !== undefined ? { numericScale: column.numericScale } : {}), ...(column?.computedNumeric ? { computedNumeric: true as const } : {}) } : {};
    const display = fields.length === 1 && rel.name ? { display: `${rel.name}.${fields[0]}` } : {};
    const read: Expr = column?.notNull && fields.length === 1 ? { kind: 'column', path, type, notNull: true, span, ...width, ...display } : { kind: 'column', path, type, span, ...width, ...display };
    return column && fields.length === 1 ? readDeclared(read, column) : read;
  }
}

/**
 * A relation's whole row: its columns (all of them: a USING join's merging does not
 * change a relation's own row), NULL when an outer join NULL-extended the relation
 * (its joined document is missing). Refused when its columns are not known, and for the
 * left side of a FULL JOIN and an outer unnest (their fields sit at the row's top level,
 * where a missing row cannot be told from NULL columns).
 */
function wholeRowOf(rel: Relation, span?: SourceSpan): Expr {
  if (!rel.columns || rel.open) {
    throw unsupported('bind', `a whole-row reference to "${rel.name}", whose columns are not declared`, span, ['declare the collection\'s columns with CREATE TABLE (or --schema), or name the columns']);
  }
  const fields = rel.columns.map((c) => c.expr ?? readChar({ kind: 'column', path: [...rel.prefix, c.field], type: c.type, span, ...widthField(c.type, c.intWidth) }, c));
  if (!rel.nullExtended) return rowValue(fields, span);
  if (rel.prefix.length === 0) throw unsupported('bind', `a whole-row reference to "${rel.name}", which a FULL JOIN or an outer unnest(…) may NULL-extend`, span, ['name its columns']);
  return nullableRow(fields, { kind: 'isnull', arg: { kind: 'column', path: rel.prefix, type: 'unknown', span }, negated: false, type: 'bool', span }, span);
}

/**
 * A declared column's value as sqletl holds it, from the field read as it is: a character(n)
 * column without trailing blanks (`readChar`), a real column of a --schema table rounded to
 * the single PostgreSQL would have stored (`storedColumn`, lower-stored-real.ts).
 */
export function readDeclared(read: Expr, column: Pick<RelationColumn, 'field' | 'unroundedReal' | 'charLength' | 'padded' | 'varchar'>): Expr {
  if (!column.unroundedReal) return readChar(read, column);
  return { kind: 'cast', arg: { ...read, type: 'unknown' }, to: 'real', typeName: 'float4', type: 'real', span: read.span, storedColumn: column.field };
}

/** A character(n) column's value as sqletl holds it: without trailing blanks when documents hold it padded (bind-bpchar.ts). */
export function readChar(read: Expr, column: Pick<RelationColumn, 'charLength' | 'padded' | 'varchar'>): Expr {
  if (column.varchar) return { ...read, varchar: true };
  if (column.charLength === undefined) return read;
  if (!column.padded) return { ...read, charLength: column.charLength };
  return { kind: 'func', name: 'rtrim', args: [read, { kind: 'literal', value: ' ', type: 'text' }], type: 'text', span: read.span, charLength: column.charLength };
}

/** `did you mean "name"?` for a declared column within edit distance 2 (none when nothing is close). */
function didYouMean(name: string, candidates: string[]): string[] {
  const best = closestName(name, [...new Set(candidates)].filter((c) => !c.startsWith('__')));
  return best === undefined ? [] : [`did you mean "${best}"?`];
}
