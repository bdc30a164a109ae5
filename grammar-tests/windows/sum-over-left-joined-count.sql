-- A CTE's COUNT(*) column read through a LEFT JOIN is NULL for customers without
-- orders: the window SUM over it keeps its count of non-NULL inputs (NULL frames).
WITH per_customer AS (
  SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id
)
SELECT c._id, pc.n,
  SUM(pc.n) OVER (ORDER BY c._id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS n_2,
  SUM(pc.n) OVER (ORDER BY c._id ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS n_1
FROM customers c LEFT JOIN per_customer pc ON pc.customer_id = c._id
ORDER BY c._id;
