-- QUALIFY (read by a pre-pass: node-sql-parser's BigQuery grammar rejects it), TIMESTAMP_DIFF (whole units, truncated)
SELECT customer_id, _id, TIMESTAMP_DIFF(shipped_on, ordered_at, HOUR) AS hours_to_ship
FROM orders
WHERE ordered_at IS NOT NULL
QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC, _id) = 1;
