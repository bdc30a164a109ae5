SELECT _id, ordered_at, count(*) OVER (ORDER BY ordered_at DESC RANGE BETWEEN INTERVAL '10 days' PRECEDING AND CURRENT ROW) AS n FROM orders WHERE ordered_at IS NOT NULL;
