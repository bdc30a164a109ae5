import { SqlEtlError, type SourceSpan } from '../errors.js';
import type { ColumnExpr } from '../ir/expr.js';
import type { SqlType } from '../ir/types.js';

/**
 * Name resolution for one query level. A relation is a collection (its documents
 * have any fields, unless a CREATE TABLE declared its columns), a CTE or a subquery
 * (whose output columns are known). An identifier resolves against the relations
 * first; leftover qualifiers are nested document paths (`profile.address.city`).
 */
export interface RelationColumn {
  name: string;
  field: string;
  type: SqlType;
}

export interface Relation {
  /** the name the query refers to it by (alias, or the table/CTE name) */
  name: string;
  /** known columns, or undefined for an undeclared collection (any field) */
  columns?: RelationColumn[];
  /** subquery sources that pass rows through (`SELECT *` of an undeclared collection) */
  open?: boolean;
}

export class Scope {
  constructor(readonly relations: Relation[]) {}

  resolve(fields: string[], span?: SourceSpan): ColumnExpr {
    // qualified by a relation name?
    if (fields.length > 1) {
      const rel = this.relations.find((r) => r.name === fields[0]);
      if (rel) return this.inRelation(rel, fields.slice(1), span);
    }
    if (this.relations.length === 0) {
      throw new SqlEtlError('undefined-column', 'bind', `column "${fields.join('.')}" does not exist`, { span, hints: ['this SELECT has no FROM clause'] });
    }
    const candidates = this.relations.filter((r) => !r.columns || r.open || r.columns.some((c) => c.name === fields[0]));
    if (candidates.length === 0) {
      throw new SqlEtlError('undefined-column', 'bind', `column "${fields[0]}" does not exist`, { span });
    }
    const declared = candidates.filter((r) => r.columns?.some((c) => c.name === fields[0]));
    if (declared.length > 1) {
      throw new SqlEtlError('ambiguous-column', 'bind', `column reference "${fields[0]}" is ambiguous`, { span });
    }
    return this.inRelation(declared[0] ?? candidates[0], fields, span);
  }

  private inRelation(rel: Relation, fields: string[], span?: SourceSpan): ColumnExpr {
    const column = rel.columns?.find((c) => c.name === fields[0]);
    if (rel.columns && !column && !rel.open) {
      throw new SqlEtlError('undefined-column', 'bind', `column ${rel.name}.${fields[0]} does not exist`, { span });
    }
    if (fields.some((f) => f.startsWith('$') || f === '')) {
      throw new SqlEtlError('unsafe-field-name', 'bind', `field name "${fields.find((f) => f.startsWith('$') || f === '')}" cannot be used as a document path`, { span });
    }
    const path = [column ? column.field : fields[0], ...fields.slice(1)];
    const type: SqlType = fields.length > 1 ? 'unknown' : column?.type ?? 'unknown';
    return { kind: 'column', path, type, span };
  }
}
