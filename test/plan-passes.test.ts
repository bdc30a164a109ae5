/**
 * Fixtures of the planner's rewrite passes (src/plan/): each case is an input plan (or
 * expression) and the plan the pass must turn it into, as sqlglot's optimizer fixtures
 * are. The rows these rewrites produce are checked against PostgreSQL by the grammar
 * cases (grammar-tests/subqueries, arithmetic, dates) and by `npm run bench:tpch`.
 */
import { describe, expect, test } from 'vitest';
import type { Expr, SubqueryExpr } from '../src/ir/expr.js';
import type { PlanNode } from '../src/plan/logical-plan.js';
import { fold } from '../src/plan/fold-constants.js';
import { joinSubqueriesByKey } from '../src/plan/join-subqueries-by-key.js';
import { pruneExistsColumns } from '../src/plan/prune-exists-columns.js';
import { factorOrConjuncts } from '../src/plan/factor-or-conjuncts.js';
import { orderJoins } from '../src/plan/order-joins.js';
import { prefixTestsAsLike } from '../src/plan/prefix-tests-as-like.js';
import { groupedInFirst } from '../src/plan/grouped-in-first.js';
import { deriveOrFilters } from '../src/plan/derive-or-filters.js';
import { rightSideJoinFilters } from '../src/plan/right-side-join-filters.js';
import { semiJoinInSubqueries } from '../src/plan/semi-join-in-subqueries.js';
import { keyInSubqueries } from '../src/plan/key-in-subqueries.js';
import { keyDerivedJoin } from '../src/plan/key-derived-joins.js';
import type { Query, SelectQuery, Source } from '../src/ir/query.js';
import { filterStoredReads } from '../src/plan/filter-stored-reads.js';

type Attach = Extract<PlanNode, { kind: 'attach' }>;
const col = (path: string[], type: Expr['type'] = 'int'): Expr => ({ kind: 'column', path, type });
const num = (value: number, type: Expr['type'] = 'numeric'): Expr => ({ kind: 'literal', value, type });
const eq = (left: Expr, right: Expr): Expr => ({ kind: 'compare', op: '=', left, right, type: 'bool' });
const lt = (left: Expr, right: Expr): Expr => ({ kind: 'compare', op: '<', left, right, type: 'bool' });
const and = (...args: Expr[]): Expr => ({ kind: 'and', args, type: 'bool' });
const or = (...args: Expr[]): Expr => ({ kind: 'or', args, type: 'bool' });
const scan = (collection: string): PlanNode => ({ kind: 'scan', collection });
const filter = (input: PlanNode, predicate: Expr): PlanNode => ({ kind: 'filter', input, predicate });
const project = (input: PlanNode, ...fields: string[]): PlanNode => ({ kind: 'project', input, fields: fields.map((f) => ({ field: f, expr: col([f]) })), keepInput: false });
const sub = (mode: SubqueryExpr['mode'], outer: SubqueryExpr['outer']): SubqueryExpr => ({
  kind: 'subquery',
  mode,
  negated: false,
  outer,
  type: 'bool',
  query: { kind: 'select', source: { kind: 'none' }, groupBy: [], aggregated: false, passthrough: false, columns: [], distinct: false, orderBy: [] },
});
const attach = (subplan: PlanNode, s: SubqueryExpr): Attach => ({ kind: 'attach', input: scan('orders'), field: '__sq0', subplan, sub: s, outer: s.outer });

describe('fold-constants', () => {
  const arith = (op: '+' | '-' | '*' | '/' | '%', left: Expr, right: Expr, type: Expr['type'] = 'numeric'): Expr => ({ kind: 'arith', op, left, right, type });
  test.each([
    ['0.06 + 0.01 is exactly 0.07', arith('+', num(0.06), num(0.01)), num(0.07)],
    ['0.06 - 0.01 is exactly 0.05', arith('-', num(0.06), num(0.01)), num(0.05)],
    ['1.1 * 3 is 3.3', arith('*', num(1.1), num(3, 'int')), num(3.3)],
    ['integer division truncates', arith('/', num(-7, 'int'), num(2, 'int'), 'int'), num(-3, 'int')],
    ['% keeps the dividend sign', arith('%', num(-7, 'int'), num(3, 'int'), 'int'), num(-1, 'int')],
    ['an exact numeric quotient', arith('/', num(10, 'int'), num(4)), num(2.5)],
    ['an inexact quotient stays', arith('/', num(1), num(3, 'int')), arith('/', num(1), num(3, 'int'))],
    ['nested', arith('+', arith('*', num(0.2), num(3, 'int')), num(0.1)), num(0.7)],
    ['a column stays', arith('+', col(['x'], 'numeric'), num(0.01)), arith('+', col(['x'], 'numeric'), num(0.01))],
    ['float arithmetic is left to the doubles', arith('+', num(0.1, 'float'), num(0.2, 'float'), 'float'), arith('+', num(0.1, 'float'), num(0.2, 'float'), 'float')],
  ])('%s', (_name, input, expected) => {
    expect(fold(input)).toEqual(expected);
  });
  test('a constant divided by zero is PostgreSQL\'s error while planning; CASE arms the planner never reads are not folded', () => {
    expect(() => fold(arith('/', num(1, 'int'), num(0, 'int'), 'int'))).toThrow('division by zero');
    expect(() => fold(arith('%', num(1.5), num(0, 'int'), 'numeric'))).toThrow('division by zero');
    const zero = arith('/', num(1, 'int'), num(0, 'int'), 'int');
    const bool = (value: boolean | null): Expr => ({ kind: 'literal', value, type: 'bool' });
    const c = (whens: { when: Expr; then: Expr }[], otherwise: Expr): Expr => ({ kind: 'case', whens, else: otherwise, type: 'int' });
    expect(fold(c([{ when: bool(true), then: num(1, 'int') }], zero))).toEqual(num(1, 'int'));
    expect(fold(c([{ when: bool(false), then: zero }, { when: bool(null), then: zero }], num(2, 'int')))).toEqual(num(2, 'int'));
    const x = col(['x'], 'bool');
    expect(fold(c([{ when: x, then: num(1, 'int') }, { when: bool(true), then: num(2, 'int') }], zero))).toEqual(c([{ when: x, then: num(1, 'int') }], num(2, 'int')));
    expect(() => fold(c([{ when: x, then: num(1, 'int') }], zero))).toThrow('division by zero');
  });
  test('date + interval: months clamped to the last day, then days', () => {
    const d: Expr = { kind: 'literal', value: new Date('2024-01-31T00:00:00Z'), type: 'date' };
    const iv: Expr = { kind: 'literal', value: { kind: 'interval', months: 1, days: 1, ms: 0 }, type: 'interval' };
    expect(fold({ kind: 'arith', op: '+', left: d, right: iv, type: 'timestamp' })).toEqual({ kind: 'literal', value: new Date('2024-03-01T00:00:00Z'), type: 'timestamp' });
  });
});

describe('prune-exists-columns', () => {
  test('EXISTS (SELECT * …): the select list goes', () => {
    const inner = filter(scan('lineitem'), lt(col(['a']), col(['b'])));
    expect(pruneExistsColumns(attach(project(inner, 'a', 'b'), sub('exists', []))).subplan).toEqual(inner);
  });
  test('a LIMIT stays, and what is below it', () => {
    const limited: PlanNode = { kind: 'limit', input: project(scan('lineitem'), 'a'), count: 0 };
    expect(pruneExistsColumns(attach(limited, sub('exists', []))).subplan).toEqual(limited);
  });
  test('a scalar subquery keeps its select list', () => {
    const plan = project(scan('lineitem'), 'a');
    expect(pruneExistsColumns(attach(plan, sub('scalar', []))).subplan).toEqual(plan);
  });
});

describe('join-subqueries-by-key', () => {
  const outer = [{ name: 'o0', expr: col(['o_orderkey']) }];
  test('EXISTS (… WHERE l_orderkey = o_orderkey AND …): keyed, the equality leaves the filter', () => {
    const input = attach(filter(scan('lineitem'), and(eq(col(['l_orderkey']), col(['$$o0'])), lt(col(['l_commitdate']), col(['l_receiptdate'])))), sub('exists', outer));
    const out = joinSubqueriesByKey(input);
    expect(out.key).toEqual({ local: ['o_orderkey'], foreign: ['l_orderkey'] });
    expect(out.subplan).toEqual(filter(scan('lineitem'), lt(col(['l_commitdate']), col(['l_receiptdate']))));
  });
  test('a scalar aggregate: the grouping above the filter stays, the filter goes when it was only the key', () => {
    const group: PlanNode = { kind: 'group', input: filter(scan('lineitem'), eq(col(['$$o0']), col(['l_partkey']))), keys: [], aggregates: [], global: true };
    const out = joinSubqueriesByKey(attach(group, sub('scalar', outer)));
    expect(out.key).toEqual({ local: ['o_orderkey'], foreign: ['l_partkey'] });
    expect(out.subplan).toEqual({ ...group, input: scan('lineitem') });
  });
  test('not keyed: a correlation that is not an equality', () => {
    const input = attach(filter(scan('lineitem'), lt(col(['l_orderkey']), col(['$$o0']))), sub('exists', outer));
    expect(joinSubqueriesByKey(input)).toEqual(input);
  });
  test('not keyed: the outer value is itself a variable (a subquery two levels down)', () => {
    const input = attach(filter(scan('lineitem'), eq(col(['l_orderkey']), col(['$$o0']))), sub('exists', [{ name: 'o0', expr: col(['$$x']) }]));
    expect(joinSubqueriesByKey(input)).toEqual(input);
  });
  test('not keyed: json values compare whole in SQL, element-wise in $lookup', () => {
    const input = attach(filter(scan('t'), eq(col(['doc'], 'json'), col(['$$o0']))), sub('exists', outer));
    expect(joinSubqueriesByKey(input)).toEqual(input);
  });
  test('not keyed: the equality is above a LIMIT, not on the collection', () => {
    const input = attach(filter({ kind: 'limit', input: scan('lineitem'), count: 5 }, eq(col(['l_orderkey']), col(['$$o0']))), sub('exists', outer));
    expect(joinSubqueriesByKey(input)).toEqual(input);
  });
});

describe('factor-or-conjuncts', () => {
  const k = eq(col(['p_partkey']), col(['__j1', 'l_partkey']));
  const a = eq(col(['p_brand'], 'text'), { kind: 'literal', value: 'Brand#12', type: 'text' });
  const b = eq(col(['p_brand'], 'text'), { kind: 'literal', value: 'Brand#23', type: 'text' });
  test('a conjunct of every branch comes out (TPC-H q19: the join key)', () => {
    expect(factorOrConjuncts(or(and(k, a), and(k, b)))).toEqual(and(k, or(a, b)));
  });
  test('nothing common: unchanged', () => {
    expect(factorOrConjuncts(or(a, b))).toEqual(or(a, b));
  });
  test('absorption: A OR (A AND B) is A', () => {
    expect(factorOrConjuncts(or(k, and(k, a)))).toEqual(k);
  });
  test('inside an AND', () => {
    expect(factorOrConjuncts(and(a, or(and(k, a), and(k, b))))).toEqual(and(a, k, or(a, b)));
  });
});

describe('order-joins', () => {
  const coll = (name: string): Source => ({ kind: 'collection', name });
  const cross = (left: Source, right: Source, as: string): Source => ({ kind: 'join', type: 'cross', left, right, as });
  const query = (source: Source, where?: Expr) => ({ kind: 'select' as const, source, where, groupBy: [], aggregated: false, passthrough: false, columns: [], distinct: false, orderBy: [] });
  test('FROM part, supplier, lineitem WHERE p = l AND s = l: lineitem before supplier (no cross product)', () => {
    const where = and(eq(col(['p_partkey']), col(['__j2', 'l_partkey'])), eq(col(['__j1', 's_suppkey']), col(['__j2', 'l_suppkey'])));
    const out = orderJoins(query(cross(cross(coll('part'), coll('supplier'), '__j1'), coll('lineitem'), '__j2'), where));
    expect(out.source).toEqual(cross(cross(coll('part'), coll('lineitem'), '__j2'), coll('supplier'), '__j1'));
    expect(out.where).toEqual(where);
  });
  const str = (value: string): Expr => ({ kind: 'literal', value, type: 'text' });
  test('FROM supplier, lineitem, orders, nation WHERE n_name = …: nation right after supplier (TPC-H q21)', () => {
    const where = and(
      eq(col(['s_suppkey']), col(['__j1', 'l_suppkey'])),
      eq(col(['__j2', 'o_orderkey']), col(['__j1', 'l_orderkey'])),
      eq(col(['s_nationkey']), col(['__j3', 'n_nationkey'])),
      eq(col(['__j3', 'n_name'], 'text'), str('SAUDI ARABIA')),
    );
    const out = orderJoins(query(cross(cross(cross(coll('supplier'), coll('lineitem'), '__j1'), coll('orders'), '__j2'), coll('nation'), '__j3'), where));
    expect(out.source).toEqual(cross(cross(cross(coll('supplier'), coll('nation'), '__j3'), coll('lineitem'), '__j1'), coll('orders'), '__j2'));
    expect(out.where).toEqual(where);
  });
  test('an OR of constant tests counts; a range, a column comparison or a NULL constant does not', () => {
    const from = cross(cross(coll('a'), coll('b'), '__j1'), coll('c'), '__j2');
    const keys = [eq(col(['x']), col(['__j1', 'x'])), eq(col(['x']), col(['__j2', 'x']))];
    const inList: Expr = { kind: 'inlist', arg: col(['__j2', 'n'], 'text'), list: [str('A'), str('B')], negated: false, type: 'bool' };
    const reordered = cross(cross(coll('a'), coll('c'), '__j2'), coll('b'), '__j1');
    expect(orderJoins(query(from, and(...keys, or(eq(col(['__j2', 'n'], 'text'), str('A')), inList)))).source).toEqual(reordered);
    for (const filter of [lt(col(['__j2', 'y']), num(3)), eq(col(['__j2', 'y']), col(['__j2', 'z'])), eq(col(['__j2', 'y']), { kind: 'literal', value: null, type: 'int' })]) {
      const q = query(from, and(...keys, filter));
      expect(orderJoins(q)).toBe(q);
    }
  });
  test('connected through a chain of equalities, joined on the implied one; a relation that connects a restricted one comes first (TPC-H q05)', () => {
    // FROM customer, orders, supplier, nation, region: nation connects only through
    // c_nationkey = s_nationkey = n_nationkey, and it connects the restricted region
    const keys = [
      eq(col(['c_custkey']), col(['__j1', 'o_custkey'])),
      eq(col(['c_nationkey']), col(['__j2', 's_nationkey'])),
      eq(col(['__j2', 's_nationkey']), col(['__j3', 'n_nationkey'])),
      eq(col(['__j3', 'n_regionkey']), col(['__j4', 'r_regionkey'])),
      eq(col(['__j4', 'r_name'], 'text'), str('ASIA')),
    ];
    const from = cross(cross(cross(cross(coll('customer'), coll('orders'), '__j1'), coll('supplier'), '__j2'), coll('nation'), '__j3'), coll('region'), '__j4');
    const out = orderJoins(query(from, and(...keys)));
    expect(out.source).toEqual(cross(cross(cross(cross(coll('customer'), coll('nation'), '__j3'), coll('region'), '__j4'), coll('orders'), '__j1'), coll('supplier'), '__j2'));
    expect(out.where).toEqual(and(...keys, eq(col(['c_nationkey']), col(['__j3', 'n_nationkey']))));
  });
  test('a restricted relation connected only through a chain comes first, joined on the implied equality', () => {
    const keys = [eq(col(['x']), col(['__j1', 'x'])), eq(col(['__j1', 'x']), col(['__j2', 'x'])), eq(col(['__j2', 'n'], 'text'), str('A'))];
    const out = orderJoins(query(cross(cross(coll('a'), coll('b'), '__j1'), coll('c'), '__j2'), and(...keys)));
    expect(out.source).toEqual(cross(cross(coll('a'), coll('c'), '__j2'), coll('b'), '__j1'));
    expect(out.where).toEqual(and(...keys, eq(col(['x']), col(['__j2', 'x']))));
  });
  test('no equality is implied between text columns (blank-padded char), numeric ones (doubles and decimals), mixed types, or through another operator', () => {
    for (const [ab, bc] of [
      [eq(col(['x'], 'text'), col(['__j2', 'x'], 'text')), eq(col(['__j2', 'x'], 'text'), col(['__j1', 'x'], 'text'))],
      [eq(col(['x'], 'numeric'), col(['__j2', 'x'], 'numeric')), eq(col(['__j2', 'x'], 'numeric'), col(['__j1', 'x'], 'numeric'))],
      [eq(col(['x']), col(['__j2', 'x'], 'numeric')), eq(col(['__j2', 'x'], 'numeric'), col(['__j1', 'x']))],
      [eq(col(['x']), col(['__j2', 'x'])), lt(col(['__j2', 'x']), col(['__j1', 'x']))],
    ]) {
      // b stays unconnected to a: c, connected directly, comes first, and nothing is added
      const out = orderJoins(query(cross(cross(coll('a'), coll('b'), '__j1'), coll('c'), '__j2'), and(ab, bc)));
      expect(out.source).toEqual(cross(cross(coll('a'), coll('c'), '__j2'), coll('b'), '__j1'));
      expect(out.where).toEqual(and(ab, bc));
    }
  });
  test('already connected in FROM order: unchanged', () => {
    const q = query(cross(cross(coll('a'), coll('b'), '__j1'), coll('c'), '__j2'), and(eq(col(['x']), col(['__j1', 'x'])), eq(col(['__j1', 'y']), col(['__j2', 'y']))));
    expect(orderJoins(q)).toBe(q);
  });
  test('a LEFT JOIN in the chain: unchanged', () => {
    const left: Source = { kind: 'join', type: 'left', left: cross(coll('a'), coll('b'), '__j1'), right: coll('c'), as: '__j2', on: eq(col(['x']), col(['__j2', 'x'])) };
    const q = query(left, eq(col(['__j1', 'y']), col(['__j2', 'y'])));
    expect(orderJoins(q)).toBe(q);
  });
});

describe('prefix-tests-as-like', () => {
  const phone = col(['c_phone'], 'text');
  const int = (value: number): Expr => ({ kind: 'literal', value, type: 'int' });
  const text = (value: string | null): Expr => ({ kind: 'literal', value, type: 'text' });
  const substring = (arg: Expr, from: number, len: number): Expr => ({ kind: 'func', name: 'substring', args: [arg, int(from), int(len)], type: 'text' });
  const inList = (arg: Expr, ...values: (string | null)[]): Expr => ({ kind: 'inlist', arg, list: values.map(text), negated: false, type: 'bool' });
  const like = (arg: Expr, pattern: string): Expr => ({ kind: 'like', arg, pattern: text(pattern), syntax: 'like', caseInsensitive: false, negated: false, type: 'bool' });
  const where = (w: Expr): SelectQuery => ({ kind: 'select', source: { kind: 'collection', name: 'customer' }, where: w, groupBy: [], aggregated: false, passthrough: false, columns: [], distinct: false, orderBy: [] });
  test('TPC-H q22: substring(c_phone from 1 for 2) IN (…) → an OR of prefix LIKEs, duplicates once', () => {
    const input = where(and(inList(substring(phone, 1, 2), '13', '31', '13'), lt(col(['c_acctbal'], 'numeric'), num(0))));
    expect(prefixTestsAsLike(input).where).toEqual(and(or(like(phone, '13%'), like(phone, '31%')), lt(col(['c_acctbal'], 'numeric'), num(0))));
  });
  test('left(c, n) = constant → one LIKE, also under NOT', () => {
    const left: Expr = { kind: 'func', name: 'left', args: [phone, int(3)], type: 'text' };
    expect(prefixTestsAsLike(where({ kind: 'not', arg: eq(left, text('ab7')), type: 'bool' })).where).toEqual({ kind: 'not', arg: like(phone, 'ab7%'), type: 'bool' });
  });
  test.each<[string, Expr]>([
    ['a constant of another length (a shorter c equals it, LIKE would not tell)', inList(substring(phone, 1, 2), '13', '3')],
    ['a NULL in the list (a non-match is NULL, not false)', inList(substring(phone, 1, 2), '13', null)],
    ['a LIKE wildcard or escape in a constant', inList(substring(phone, 1, 2), '1%')],
    ['not from the first character', inList(substring(phone, 2, 2), '13')],
    ['NOT IN (…)', { ...(inList(substring(phone, 1, 2), '13') as Extract<Expr, { kind: 'inlist' }>), negated: true }],
    ['a character(n) column (LIKE sees its blank padding)', inList(substring({ ...phone, charLength: 15 }, 1, 2), '13')],
    ['an expression, not a column', inList(substring({ kind: 'func', name: 'lower', args: [phone], type: 'text' }, 1, 2), '13')],
  ])('left alone: %s', (_name, w) => {
    const q = where(w);
    expect(prefixTestsAsLike(q)).toBe(q);
  });
});

describe('derive-or-filters', () => {
  const coll = (name: string): Source => ({ kind: 'collection', name });
  const join = (type: 'inner' | 'cross' | 'left' | 'full'): Source => ({ kind: 'join', type, left: coll('lineitem'), right: coll('part'), as: '__j1' });
  const query = (source: Source, where?: Expr) => ({ kind: 'select' as const, source, where, groupBy: [], aggregated: false, passthrough: false, columns: [], distinct: false, orderBy: [] });
  const text = (value: string): Expr => ({ kind: 'literal', value, type: 'text' });
  const key = eq(col(['l_partkey']), col(['__j1', 'p_partkey']));
  const brand12 = eq(col(['__j1', 'p_brand'], 'text'), text('Brand#12'));
  const brand23 = eq(col(['__j1', 'p_brand'], 'text'), text('Brand#23'));
  const q1 = lt(col(['l_quantity']), num(11));
  const q2 = lt(num(10), col(['l_quantity']));
  test('TPC-H q19 (the key already factored out): each relation gets the OR of its parts of the branches', () => {
    const branches = or(and(brand12, q1), and(brand23, q2));
    const out = deriveOrFilters(query(join('cross'), and(key, branches)));
    expect(out.where).toEqual(and(key, branches, or(brand12, brand23), or(q1, q2)));
  });
  test('a branch without a condition on a relation: nothing for that relation', () => {
    const branches = or(and(brand12, q1), q2);
    expect(deriveOrFilters(query(join('inner'), branches)).where).toEqual(and(branches, or(q1, q2)));
  });
  test('conditions on both relations at once are not copied', () => {
    const both = lt(col(['l_quantity']), col(['__j1', 'p_size']));
    const branches = or(and(brand12, both), and(brand23, q2));
    expect(deriveOrFilters(query(join('inner'), branches)).where).toEqual(and(branches, or(brand12, brand23)));
  });
  test('a condition that could raise (division) is not copied', () => {
    const div: Expr = lt(num(30), { kind: 'arith', op: '/', left: num(100, 'int'), right: col(['l_quantity']), type: 'int' });
    const branches = or(and(brand12, div), and(brand23, q2));
    expect(deriveOrFilters(query(join('inner'), branches)).where).toEqual(and(branches, or(brand12, brand23)));
  });
  test('an OR over one relation, or no join: unchanged', () => {
    const one = query(join('inner'), or(q1, q2));
    expect(deriveOrFilters(one)).toBe(one);
    const single = query(coll('lineitem'), or(and(q1, q2), q2));
    expect(deriveOrFilters(single)).toBe(single);
  });
});

describe('right-side-join-filters', () => {
  const coll = (name: string): Source => ({ kind: 'collection', name });
  type J = Extract<Source, { kind: 'join' }>;
  const join = (type: J['type'], on: Expr, right: Source = coll('part')): J => ({ kind: 'join', type, left: coll('lineitem'), right, as: '__j1', on });
  const key = eq(col(['l_partkey']), col(['__j1', 'p_partkey']));
  const size = lt(col(['__j1', 'p_size']), num(5, 'int'));
  const qty = lt(col(['l_quantity']), col(['__j1', 'p_size']));
  test('INNER: the joined collection\'s own conditions become its filter, paths without the alias', () => {
    expect(rightSideJoinFilters(join('inner', and(key, size, qty)))).toEqual({ on: and(key, qty), rightFilter: lt(col(['p_size']), num(5, 'int')) });
  });
  test('LEFT: the same (a right row that fails them matches nothing; the left row stays)', () => {
    expect(rightSideJoinFilters(join('left', and(key, size)))).toEqual({ on: key, rightFilter: lt(col(['p_size']), num(5, 'int')) });
  });
  test('only such conditions: no condition left', () => {
    expect(rightSideJoinFilters(join('inner', size))).toEqual({ on: undefined, rightFilter: lt(col(['p_size']), num(5, 'int')) });
  });
  test('FULL, a derived table, or nothing on the right alone: unchanged', () => {
    expect(rightSideJoinFilters(join('full', and(key, size)))).toEqual({ on: and(key, size) });
    const derived: Source = { kind: 'subquery', query: { kind: 'select', source: coll('part'), groupBy: [], aggregated: false, passthrough: true, columns: [], distinct: false, orderBy: [] } };
    expect(rightSideJoinFilters(join('inner', and(key, size), derived))).toEqual({ on: and(key, size) });
    expect(rightSideJoinFilters(join('inner', and(key, qty)))).toEqual({ on: and(key, qty) });
  });
});

describe('semi-join-in-subqueries', () => {
  const inSub = (field: string, extra: Partial<SubqueryExpr> = {}): SubqueryExpr => {
    const s = sub('in', []);
    return { ...s, op: '=', arg: col(['o_orderkey']), query: { ...s.query, kind: 'select', columns: [{ name: field, field, expr: col([field]) }] } as SubqueryExpr['query'], ...extra };
  };
  const grouped: PlanNode = {
    kind: 'project',
    input: filter({ kind: 'group', input: scan('lineitem'), keys: [{ field: 'k0', expr: col(['l_orderkey']) }], aggregates: [], global: false }, lt(num(300), col(['a0']))),
    fields: [{ field: 'l_orderkey', expr: col(['_id', 'k0']) }],
    keepInput: false,
  };
  test('IN (SELECT k … GROUP BY k HAVING …) in WHERE: EXISTS keyed on the grouping key (TPC-H q18)', () => {
    const out = semiJoinInSubqueries(attach(grouped, inSub('l_orderkey')), { keepOnlyTrue: true });
    expect(out.key).toEqual({ local: ['o_orderkey'], foreign: ['l_orderkey'] });
    expect(out.sub.mode).toBe('exists');
    expect(out.subplan).toBe(grouped);
  });
  test('not in a WHERE conjunct (NULL and FALSE differ there): unchanged', () => {
    const input = attach(grouped, inSub('l_orderkey'));
    expect(semiJoinInSubqueries(input, { keepOnlyTrue: false })).toBe(input);
  });
  test('NOT IN: unchanged (a NULL in the subquery makes it NULL for every row)', () => {
    const input = attach(grouped, inSub('l_orderkey', { negated: true }));
    expect(semiJoinInSubqueries(input, { keepOnlyTrue: true })).toBe(input);
  });
  test('a LIMIT under the column: unchanged', () => {
    const limited = attach({ kind: 'limit', input: project(scan('lineitem'), 'l_orderkey'), count: 3 }, inSub('l_orderkey'));
    expect(semiJoinInSubqueries(limited, { keepOnlyTrue: true })).toBe(limited);
  });
  test('a computed column: unchanged', () => {
    const computed = attach({ kind: 'project', input: scan('lineitem'), fields: [{ field: 'k', expr: { kind: 'arith', op: '+', left: col(['l_orderkey']), right: num(1, 'int'), type: 'int' } }], keepInput: false }, inSub('k'));
    expect(semiJoinInSubqueries(computed, { keepOnlyTrue: true })).toBe(computed);
  });
});

describe('key-in-subqueries', () => {
  const inSub = (field: string, type: Expr['type'] = 'int', extra: Partial<SubqueryExpr> = {}): SubqueryExpr => {
    const s = sub('in', []);
    return { ...s, op: '=', arg: col(['customer_id'], type), query: { ...s.query, kind: 'select', columns: [{ name: field, field, expr: col([field], type) }] } as SubqueryExpr['query'], ...extra };
  };
  const unique2 = filter(project(scan('tenk1'), 'unique2'), eq(col(['two']), num(0, 'int')));
  test('uncorrelated IN where NULL and FALSE differ (NOT IN, a select list): keyed on the column, with a summary', () => {
    const out = keyInSubqueries(attach(unique2, inSub('unique2')));
    expect(out.key).toEqual({ local: ['customer_id'], foreign: ['unique2'] });
    expect(out.summaryField).toBe('__sq0_s');
    expect(out.sub.summaryField).toBe('__sq0_s');
    expect(out.sub.mode).toBe('in');
    expect(out.subplan).toBe(unique2);
  });
  test('correlated (reads an outer value): unchanged', () => {
    const input = attach(unique2, inSub('unique2', 'int', { outer: [{ name: 'o0', expr: col(['two']) }] }));
    expect(keyInSubqueries(input)).toBe(input);
  });
  test('numeric, json or untyped keys (MongoDB would not compare them as SQL does): unchanged', () => {
    for (const type of ['numeric', 'json', 'unknown'] as const) {
      const input = attach(unique2, inSub('unique2', type));
      expect(keyInSubqueries(input)).toBe(input);
    }
  });
  test('ALL, or ANY with another comparison: unchanged', () => {
    const all = attach(unique2, inSub('unique2', 'int', { mode: 'all' }));
    const less = attach(unique2, inSub('unique2', 'int', { mode: 'any', op: '<' }));
    expect(keyInSubqueries(all)).toBe(all);
    expect(keyInSubqueries(less)).toBe(less);
  });
  test('a LIMIT under the column: unchanged', () => {
    const limited = attach({ kind: 'limit', input: project(scan('tenk1'), 'unique2'), count: 3 }, inSub('unique2'));
    expect(keyInSubqueries(limited)).toBe(limited);
  });
});

describe('key-derived-joins', () => {
  const derived: PlanNode = {
    kind: 'project',
    input: { kind: 'group', input: filter(scan('lineitem'), lt(col(['l_shipdate'], 'date'), col(['l_commitdate'], 'date'))), keys: [{ field: 'k0', expr: col(['l_suppkey']) }], aggregates: [], global: false },
    fields: [{ field: 'supplier_no', expr: col(['_id', 'k0']) }],
    keepInput: false,
  };
  const on = eq(col(['s_suppkey']), col(['__j1', 'supplier_no']));
  test('supplier JOIN (… GROUP BY l_suppkey) ON s_suppkey = supplier_no: keyed on lineitem.l_suppkey (TPC-H q15)', () => {
    expect(keyDerivedJoin(on, '__j1', 'inner', derived)).toEqual({ equi: { local: ['s_suppkey'], foreign: ['l_suppkey'] }, let: [] });
  });
  test('a FULL join: not keyed', () => {
    expect(keyDerivedJoin(on, '__j1', 'full', derived)).toBeUndefined();
  });
  test('a derived column that is computed: not keyed', () => {
    const computed: PlanNode = { ...derived, fields: [{ field: 'supplier_no', expr: { kind: 'arith', op: '+', left: col(['_id', 'k0']), right: num(0, 'int'), type: 'int' } }] } as PlanNode;
    expect(keyDerivedJoin(on, '__j1', 'inner', computed)).toBeUndefined();
  });
  test('a LIMIT in the derived table: not keyed', () => {
    expect(keyDerivedJoin(on, '__j1', 'left', { kind: 'limit', input: derived, count: 10 })).toBeUndefined();
  });
});

describe('grouped-in-first', () => {
  const coll = (name: string): Source => ({ kind: 'collection', name });
  const cross = (left: Source, right: Source, as: string): Source => ({ kind: 'join', type: 'cross', left, right, as });
  const base = { kind: 'select' as const, groupBy: [], aggregated: false, passthrough: false, distinct: false, orderBy: [] };
  // SELECT l_orderkey FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 300
  const groups: SelectQuery = {
    ...base,
    source: coll('lineitem'),
    groupBy: [col(['l_orderkey'])],
    aggregated: true,
    having: lt(num(300), { kind: 'agg', name: 'sum', args: [col(['l_quantity'], 'numeric')], star: false, distinct: false, orderBy: [], type: 'numeric' }),
    columns: [{ name: 'l_orderkey', field: 'l_orderkey', expr: col(['l_orderkey']) }],
  };
  const inGroups = (arg: Expr, extra: Partial<SubqueryExpr> = {}): SubqueryExpr => ({ ...sub('in', []), op: '=', arg, query: groups, ...extra });
  // FROM customer, orders, lineitem WHERE o_orderkey IN (…) AND c_custkey = o_custkey AND o_orderkey = l_orderkey
  const q18 = (s: SubqueryExpr = inGroups(col(['__j1', 'o_orderkey']))): SelectQuery => ({
    ...base,
    source: cross(cross(coll('customer'), coll('orders'), '__j1'), coll('lineitem'), '__j2'),
    where: and(s, eq(col(['c_custkey']), col(['__j1', 'o_custkey'])), eq(col(['__j1', 'o_orderkey']), col(['__j2', 'l_orderkey']))),
    columns: [{ name: 'c_name', field: 'c_name', expr: col(['c_name'], 'text') }],
    orderBy: [{ expr: col(['__j1', 'o_totalprice'], 'numeric'), desc: true, nullsFirst: false }],
    limit: 100,
  });
  test('TPC-H q18: the groups first, the old first relation under a fresh __jN, the IN an equality', () => {
    const out = groupedInFirst(q18());
    expect(out.source).toEqual(cross(cross(cross({ kind: 'subquery', query: groups }, coll('customer'), '__j3'), coll('orders'), '__j1'), coll('lineitem'), '__j2'));
    expect(out.where).toEqual(and(eq(col(['__j1', 'o_orderkey']), col(['l_orderkey'])), eq(col(['__j3', 'c_custkey']), col(['__j1', 'o_custkey'])), eq(col(['__j1', 'o_orderkey']), col(['__j2', 'l_orderkey']))));
    expect(out.columns).toEqual([{ name: 'c_name', field: 'c_name', expr: col(['__j3', 'c_name'], 'text') }]);
    expect(out.orderBy).toEqual(q18().orderBy);
    // order-joins then joins orders (connected to the groups), customer, lineitem
    const ordered = orderJoins(out);
    expect(ordered.source).toEqual(cross(cross(cross({ kind: 'subquery', query: groups }, coll('orders'), '__j1'), coll('customer'), '__j3'), coll('lineitem'), '__j2'));
  });
  test('a correlated subquery elsewhere reads the moved columns through its outer values', () => {
    const scalar: SubqueryExpr = { ...sub('scalar', [{ name: 'o0', expr: col(['c_custkey']) }]), type: 'int' };
    const out = groupedInFirst({ ...q18(), columns: [{ name: 'n', field: 'n', expr: scalar }] });
    expect((out.columns[0].expr as SubqueryExpr).outer).toEqual([{ name: 'o0', expr: col(['__j3', 'c_custkey']) }]);
  });
  test.each<[string, SelectQuery]>([
    ['NOT IN', q18(inGroups(col(['__j1', 'o_orderkey']), { negated: true }))],
    ['no HAVING (every key is kept)', q18(inGroups(col(['__j1', 'o_orderkey']), { query: { ...groups, having: undefined } }))],
    ['the column is not the GROUP BY key', q18(inGroups(col(['__j1', 'o_orderkey']), { query: { ...groups, groupBy: [col(['l_suppkey'])] } }))],
    ['a correlated subquery', q18(inGroups(col(['__j1', 'o_orderkey']), { outer: [{ name: 'o0', expr: col(['c_custkey']) }] }))],
    ['an expression tested', q18(inGroups({ kind: 'arith', op: '+', left: col(['__j1', 'o_orderkey']), right: num(1, 'int'), type: 'int' }))],
    ['LIMIT without ORDER BY', { ...q18(), orderBy: [] }],
    ['SELECT * passthrough', { ...q18(), passthrough: true }],
    ['a LEFT JOIN in FROM', { ...q18(), source: { kind: 'join', type: 'left', left: coll('customer'), right: coll('orders'), as: '__j1', on: eq(col(['c_custkey']), col(['__j1', 'o_custkey'])) } }],
    ['the query reads an outer variable (it is a correlated subquery)', { ...q18(), where: and(q18().where!, eq(col(['c_custkey']), col(['$$o0']))) }],
  ])('%s: unchanged', (_name, q) => {
    expect(groupedInFirst(q)).toBe(q);
  });
});

describe('filter-stored-reads', () => {
  const rounded = (field: string): Expr => ({ kind: 'cast', arg: col([field], 'unknown'), to: 'real', typeName: 'float4', type: 'real', storedColumn: field });
  const storedRead = (where?: Expr): SelectQuery => ({
    kind: 'select',
    source: { kind: 'collection', name: 'singles' },
    groupBy: [],
    aggregated: false,
    passthrough: false,
    columns: [
      { name: 'grp', field: 'grp', expr: col(['grp'], 'text') },
      { name: 'r', field: 'r', expr: rounded('r') },
    ],
    distinct: false,
    orderBy: [],
    ...(where ? { where } : {}),
  });
  const reader = (inner: Query, where?: Expr): SelectQuery => ({
    kind: 'select',
    source: { kind: 'subquery', query: inner },
    groupBy: [],
    aggregated: false,
    passthrough: false,
    columns: [{ name: 'r', field: 'r', expr: col(['r'], 'real') }],
    distinct: false,
    orderBy: [],
    ...(where ? { where } : {}),
  });
  const grpIsA = eq(col(['grp'], 'text'), { kind: 'literal', value: 'a', type: 'text' });
  const rBelow2 = lt(col(['r'], 'real'), num(2, 'real'));

  test('a conjunct on an unrounded column moves into the derived table; one on a rounded column stays', () => {
    expect(filterStoredReads(reader(storedRead(), and(grpIsA, rBelow2)))).toEqual(reader(storedRead(grpIsA), rBelow2));
  });
  test('a conjunct joins the derived table\'s own condition', () => {
    const own = eq(col(['grp'], 'text'), { kind: 'literal', value: 'b', type: 'text' });
    expect(filterStoredReads(reader(storedRead(own), grpIsA))).toEqual(reader(storedRead(and(own, grpIsA))));
  });
  test.each([
    ['a condition on a rounded column (computed twice)', reader(storedRead(), rBelow2)],
    ['no WHERE', reader(storedRead())],
    ['a correlated variable', reader(storedRead(), eq(col(['$$o0'], 'text'), col(['grp'], 'text')))],
    ['a derived table that is not a stored read (no rounded column)', reader({ ...storedRead(), columns: [{ name: 'grp', field: 'grp', expr: col(['grp'], 'text') }] }, grpIsA)],
    ['a DISTINCT derived table', reader({ ...storedRead(), distinct: true }, grpIsA)],
    ['a derived table with LIMIT', reader({ ...storedRead(), limit: 1 }, grpIsA)],
  ])('left alone: %s', (_name, input) => {
    expect(filterStoredReads(input)).toBe(input);
  });
});
