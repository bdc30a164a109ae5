-- error at 4:19
-- postgres-error
-- PostgreSQL has no % for double precision (nor for real): its error, not a remainder of doubles
SELECT _id, score % 2 AS r FROM measures;
