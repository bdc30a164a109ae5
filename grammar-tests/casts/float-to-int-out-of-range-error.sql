-- error at 3:20
-- PostgreSQL: integer out of range (score 1e10 does not fit in int4)
SELECT _id, score::int AS i FROM measures WHERE _id = 7;
