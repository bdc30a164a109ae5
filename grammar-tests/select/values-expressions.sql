-- VALUES rows with computed expressions: arithmetic, functions, a mix with constants,
-- joined to a table, and correlated to an enclosing row inside a scalar subquery
SELECT 'a' AS k, x, y, NULL::int AS z FROM (VALUES (1 + 1, 'a'), (length('ab'), upper('b')), (3, 'c')) AS v(x, y)
UNION ALL
SELECT 'b', v.x, o.status, o._id FROM (VALUES (101 + 0), (102 * 1)) AS v(x) JOIN orders o ON o._id = v.x
UNION ALL
SELECT 'c', (SELECT max(x) FROM (VALUES (o.quantity), (o._id - 100)) AS w(x)), NULL, o._id FROM orders o WHERE o._id < 106;
