-- cross-tab of orders per status by month and tier; Snowflake names a pivot column after the value's SQL text ('shipped')
SELECT tier, month, "'shipped'" AS shipped, "'pending'" AS pending, "'cancelled'" AS cancelled
FROM (
  SELECT c.tier, DATE_TRUNC('month', o.ordered_at) AS month, o.status, o.customer_id
  FROM orders o JOIN customers c ON c._id = o.customer_id
)
PIVOT (COUNT(customer_id) FOR status IN ('shipped', 'pending', 'cancelled')) AS p;
