-- CTE, COUNTIF, GROUP BY/HAVING
WITH shipped AS (
  SELECT customer_id, COUNTIF(status = 'shipped') AS shipped, COUNT(*) AS n
  FROM orders
  GROUP BY customer_id
  HAVING COUNT(*) >= 2
)
SELECT c.first_name, s.shipped, s.n
FROM shipped AS s
INNER JOIN customers AS c ON c._id = s.customer_id;
