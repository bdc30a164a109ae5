-- cross-tab of orders per status by month and tier; BigQuery names the columns after the values
SELECT *
FROM (
  SELECT c.tier, TIMESTAMP_TRUNC(o.ordered_at, MONTH) AS month, o.status, o.customer_id
  FROM orders AS o JOIN customers AS c ON c._id = o.customer_id
)
PIVOT (COUNT(customer_id) FOR status IN ('shipped', 'pending', 'cancelled'));
