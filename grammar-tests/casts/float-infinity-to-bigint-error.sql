-- error at 4:20
-- postgres-error
-- a float8 Infinity cast to bigint is PostgreSQL's "bigint out of range" (the engine's "cannot convert … to long" never reaches the user)
SELECT _id, score::bigint AS b FROM measures WHERE _id = 8;
