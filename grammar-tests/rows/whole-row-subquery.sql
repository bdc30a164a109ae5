-- whole-row references of subqueries and CTEs, also from inside a scalar subquery
WITH q AS (SELECT max(customer_id) AS m, count(*) AS n FROM orders GROUP BY status)
SELECT q, (SELECT q) AS inner_q, (SELECT f FROM (SELECT q.n + 1 AS k, 'z' AS z) f) AS f FROM q;
