-- error at 3:13
-- sqletl refuses integers it cannot hold exactly (PostgreSQL answers)
SELECT _id, '9223372036854775807'::bigint AS n FROM orders;
