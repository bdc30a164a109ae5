-- a subquery reading the merged column of a FULL JOIN … USING (a COALESCE of both
-- sides) captures both sides' values: scalar subquery, through a join alias, LATERAL
SELECT 'scalar' AS via, k, (SELECT count(*) FROM orders o WHERE o.customer_id = k) AS n
FROM (VALUES (1), (2), (NULL)) a(k) FULL JOIN (VALUES (2), (3), (3)) b(k) USING (k)
UNION ALL
SELECT 'alias', k, (SELECT count(*) FROM orders o WHERE o.customer_id = j.k)
FROM ((VALUES (1), (2), (NULL)) a(k) FULL JOIN (VALUES (2), (3), (3)) b(k) USING (k)) j
UNION ALL
SELECT 'lateral', k, x.n
FROM (VALUES (1), (2), (NULL)) a(k) FULL JOIN (VALUES (2), (3), (3)) b(k) USING (k),
LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = k) x;
