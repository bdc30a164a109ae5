-- error at 3:77
-- a RANGE frame offset over a time ORDER BY key is refused
SELECT _id, count(*) OVER (ORDER BY ordered_at::time RANGE BETWEEN INTERVAL '1 hour' PRECEDING AND CURRENT ROW) FROM orders;
