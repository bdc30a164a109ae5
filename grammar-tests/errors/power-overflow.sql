-- error at 3:19
-- postgres-error
SELECT _id, score ^ 1e200::float8 AS p FROM measures WHERE score > 1 AND score < 1e300;
