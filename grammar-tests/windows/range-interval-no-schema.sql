-- no-schema
-- a key of no declared type under an interval frame offset is a date, as the interval says
SELECT _id, count(*) OVER (ORDER BY ordered_at RANGE BETWEEN INTERVAL '30 days' PRECEDING AND CURRENT ROW) AS n FROM orders WHERE ordered_at IS NOT NULL;
