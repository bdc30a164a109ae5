-- error at 3:19
-- postgres-error
SELECT _id, score * 1e300::float8 AS big FROM measures WHERE score IS NOT NULL;
