import type { SourceSpan } from '../errors.js';
import type { SqlType } from './types.js';
import type { Query } from './query.js';

export interface ColumnDef {
  name: string;
  type: SqlType;
  typeName: string;
  notNull: boolean;
}

export type Statement =
  | { kind: 'select'; query: Query; sql: string; span: SourceSpan }
  | { kind: 'create-schema'; name: string; sql: string; span: SourceSpan }
  | { kind: 'create-table'; name: string; db?: string; columns: ColumnDef[]; ifNotExists: boolean; sql: string; span: SourceSpan };
