-- ROLLUP over a CTE's COUNT(*) column: the column is never NULL in the CTE, but the
-- subtotal row's key is NULL, and sorts last (ascending) as in PostgreSQL.
WITH per_customer AS (
  SELECT customer_id, COUNT(*) AS n, 1 AS one FROM orders GROUP BY customer_id
)
SELECT n, one, COUNT(*) AS customers, SUM(n) AS orders_total
FROM per_customer
GROUP BY ROLLUP (n, one)
ORDER BY n, one, customers;
