-- error at 5:16
-- sqletl refuses integers it cannot hold exactly (PostgreSQL answers 9007199254740993)
CREATE TABLE q (a bigint, b bigint);
INSERT INTO q VALUES (9007199254740991, 2);
SELECT a, b, a + b AS s FROM q;
