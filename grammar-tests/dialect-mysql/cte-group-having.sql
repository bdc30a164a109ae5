WITH spend AS (
  SELECT customer_id, SUM(amount) AS total, MAX(ordered_at) AS last_order
  FROM orders GROUP BY customer_id HAVING SUM(amount) > 50
)
SELECT c.tier, COUNT(*) AS customers, SUM(s.total) AS total
FROM spend s JOIN customers c ON c._id = s.customer_id
GROUP BY c.tier;
