-- CTE, GROUP BY/HAVING, join to the CTE
WITH totals AS (
  SELECT customer_id, SUM(amount) AS total, COUNT(*) AS n
  FROM orders
  GROUP BY customer_id
  HAVING COUNT(*) > 1
)
SELECT c.first_name, t.total, t.n
FROM totals AS t
JOIN customers AS c ON c._id = t.customer_id;
