-- error at 3:36
-- postgres-error
SELECT _id, score * 1e-300::float8 * 1e-300::float8 AS tiny FROM measures WHERE score <> 0;
