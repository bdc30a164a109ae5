import type { Node } from '@pgsql/types';

/**
 * PostgreSQL's default output column name for an unaliased select-list expression
 * (its FigureColname): a column's own name, a function's name, `case`, `coalesce`,
 * a cast's type name, and `?column?` for anything else.
 */
export function defaultColumnName(node: Node): string {
  return figure(node)?.[0] ?? '?column?';
}

/**
 * A name and its strength: 2 for a real name (a column, a function), 1 for a
 * fallback (a cast's type name, `case`), as PostgreSQL's FigureColnameInternal:
 * a cast keeps its argument's name only when that name is strong.
 */
type Figured = [string, 1 | 2] | undefined;

const TYPE_DISPLAY: Record<string, string> = {
  int4: 'int4', int8: 'int8', int2: 'int2', float8: 'float8', float4: 'float4', bool: 'bool', numeric: 'numeric',
  bpchar: 'bpchar', varchar: 'varchar', timestamp: 'timestamp', timestamptz: 'timestamptz', interval: 'interval',
};

function figure(node: Node): Figured {
  const [tag, body] = Object.entries(node)[0] as [string, Record<string, unknown>];
  switch (tag) {
    case 'ColumnRef': {
      // the last field name, a trailing `*` ignored: `a.*` is named `a`
      const names = (body.fields as { String?: { sval: string } }[]).filter((f) => f.String);
      return names.length ? [names[names.length - 1].String!.sval, 2] : undefined;
    }
    case 'RowExpr':
      return ['row', 2];
    case 'A_Indirection': {
      const ind = body.indirection as Node[];
      for (let i = ind.length - 1; i >= 0; i--) {
        const s = (ind[i] as { String?: { sval: string } }).String;
        if (s) return [s.sval, 2];
      }
      return figure(body.arg as Node);
    }
    case 'FuncCall': {
      const names = body.funcname as { String: { sval: string } }[];
      return [names[names.length - 1].String.sval, 2];
    }
    case 'A_Expr':
      if (body.kind === 'AEXPR_NULLIF') return ['nullif', 2];
      return undefined;
    case 'TypeCast': {
      const inner = figure(body.arg as Node);
      if (inner && inner[1] === 2) return inner;
      const names = (body.typeName as { names: { String: { sval: string } }[] }).names;
      const t = names[names.length - 1].String.sval;
      return [TYPE_DISPLAY[t] ?? t, 1];
    }
    case 'CaseExpr':
      return ['case', 1];
    case 'GroupingFunc':
      return ['grouping', 2];
    case 'CoalesceExpr':
      return ['coalesce', 2];
    case 'MinMaxExpr':
      return [body.op === 'IS_GREATEST' ? 'greatest' : 'least', 2];
    case 'A_ArrayExpr':
      return ['array', 2];
    case 'SQLValueFunction': {
      const name = SQL_VALUE_FUNCTION_NAMES[body.op as string];
      return name ? [name, 2] : undefined;
    }
    case 'SubLink':
      if (body.subLinkType === 'EXISTS_SUBLINK') return ['exists', 2];
      if (body.subLinkType === 'ARRAY_SUBLINK') return ['array', 2];
      if (body.subLinkType === 'EXPR_SUBLINK') {
        const sel = (body.subselect as { SelectStmt?: { targetList?: Node[] } }).SelectStmt;
        const t = sel?.targetList?.[0] as { ResTarget?: { name?: string; val: Node } } | undefined;
        if (t?.ResTarget) return t.ResTarget.name ? [t.ResTarget.name, 2] : figure(t.ResTarget.val);
      }
      return undefined;
    case 'A_Const': {
      // TRUE/FALSE are `'t'::bool` casts in PostgreSQL's grammar
      if (body.boolval !== undefined) return ['bool', 1];
      return undefined;
    }
    default:
      return undefined;
  }
}

const SQL_VALUE_FUNCTION_NAMES: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime',
  SVFOP_LOCALTIME_N: 'localtime',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_USER: 'current_user',
  SVFOP_SESSION_USER: 'session_user',
  SVFOP_USER: 'user',
};
