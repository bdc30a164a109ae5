import type { Source } from '../ir/query.js';

export type JoinSource = Extract<Source, { kind: 'join' }>;

/**
 * A FROM clause as a left-deep chain of inner/cross joins: its first relation (not a join,
 * not an unnest) and the joins after it, in FROM order. Undefined for an outer join or a
 * LATERAL right side (it reads the relations before it: it stays where it is). A lone
 * relation is a chain without joins.
 */
export function flattenJoinChain(s: Source): { root: Source; rights: JoinSource[] } | undefined {
  const rights: JoinSource[] = [];
  let node = s;
  while (node.kind === 'join') {
    if ((node.type !== 'inner' && node.type !== 'cross') || node.lateral) return undefined;
    rights.unshift(node);
    node = node.left;
  }
  return node.kind === 'unnest' ? undefined : { root: node, rights };
}
