-- error at 3:30
-- sqletl refuses integers it cannot hold exactly (PostgreSQL answers)
SELECT _id, quantity::bigint * 4000000000000000 AS n FROM orders;
