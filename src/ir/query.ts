/**
 * The query types: a bound SELECT, a set operation, their row sources and output
 * columns. They are declared in expr.ts, next to the expressions, because the two
 * are one recursive family (a subquery expression holds a Query, a Query holds
 * expressions) and a family split over two modules is an import cycle
 * (test/import-boundaries.test.ts).
 */
export type { JoinType, OutputColumn, Query, SelectQuery, SetOpQuery, Source } from './expr.js';
