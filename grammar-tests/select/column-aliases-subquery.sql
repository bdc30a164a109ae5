-- column aliases on a subquery (fewer aliases than columns keep the rest's names) and on a CTE
WITH w(k, total) AS (SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id)
SELECT t.a, t.y, w.total
FROM (SELECT _id AS x, customer_id AS y FROM orders) AS t(a)
JOIN w ON w.k = t.y
WHERE t.a < 110;
