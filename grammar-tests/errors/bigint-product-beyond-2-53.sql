-- error at 3:30
-- sqletl refuses integers it cannot hold exactly (PostgreSQL answers): an odd product past 2^53
SELECT _id, quantity::bigint * 3002399751580331 AS n FROM orders;
