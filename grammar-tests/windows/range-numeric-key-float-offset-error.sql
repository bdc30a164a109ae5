-- error
-- postgres-error
-- a numeric ORDER BY key with a double precision offset has no in_range function in PostgreSQL
SELECT _id, sum(amount) OVER (ORDER BY amount RANGE BETWEEN 1 PRECEDING AND 1.5::float8 FOLLOWING) AS s FROM orders;
