-- error at 3:32
-- PostgreSQL: smallint out of range (2250000 does not fit in int2)
SELECT CAST(amount * 100000 AS smallint) AS s FROM measures WHERE _id = 1;
