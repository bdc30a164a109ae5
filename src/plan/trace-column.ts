import { assertNever } from '../assert-never.js';
import type { PlanNode } from './logical-plan.js';

/**
 * Where a field of a plan's rows comes from: the path in the documents of the
 * collection the plan reads first that the field carries unchanged, when every row
 * with a given value of the field comes from exactly the documents with that value —
 * so that filtering those documents by the value first gives the same rows (a keyed
 * `$lookup` on a derived table or an IN subquery). Through filters, joins that keep
 * the first collection's rows (inner, cross, left), select lists, DISTINCT, ORDER BY,
 * and a GROUP BY whose key the field is; not through LIMIT/OFFSET, windows, set
 * operations or FULL joins, which would see other rows. Undefined when there is none.
 */
export function baseColumn(node: PlanNode, path: string[]): string[] | undefined {
  switch (node.kind) {
    case 'scan':
      return path;
    case 'filter':
    case 'sort':
    case 'distinct':
    case 'attach':
      return baseColumn(node.input, path);
    case 'unset':
      return node.fields.includes(path[0]) ? undefined : baseColumn(node.input, path);
    case 'project': {
      const f = node.fields.find((x) => x.field === path[0]);
      if (!f) return node.keepInput ? baseColumn(node.input, path) : undefined;
      if (f.expr.kind !== 'column' || f.expr.path[0].startsWith('$$')) return undefined;
      return baseColumn(node.input, [...f.expr.path, ...path.slice(1)]);
    }
    case 'group': {
      if (node.global || node.sets || path[0] !== '_id' || path.length !== 2) return undefined;
      const key = node.keys.find((k) => k.field === path[1]);
      if (!key || key.expr.kind !== 'column' || key.expr.path[0].startsWith('$$')) return undefined;
      return baseColumn(node.input, key.expr.path);
    }
    case 'join':
      if (node.type === 'full' || path[0] === node.as) return undefined;
      return baseColumn(node.input, path);
    case 'unnest':
      if (path[0] === node.as || path[0] === `${node.as}_n`) return undefined;
      return baseColumn(node.input, path);
    case 'values':
    case 'window':
    case 'limit':
    case 'skip':
    case 'setop':
      return undefined;
    default:
      return assertNever(node, 'plan');
  }
}


/** A path `$lookup` localField/foreignField can name: plain identifiers (no `$`, dots or spaces in a part). */
export const plainPath = (path: string[]): boolean => path.length > 0 && path.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p));
