-- error at 3:13
-- sqletl refuses integers it cannot hold exactly (PostgreSQL answers)
SELECT _id, 9007199254740993 AS n FROM orders;
