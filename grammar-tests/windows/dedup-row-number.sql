WITH d AS (
  SELECT status, _id, row_number() OVER (PARTITION BY status ORDER BY ordered_at DESC NULLS LAST, _id) AS rn FROM orders
)
SELECT status, _id FROM d WHERE rn = 1;
