-- error at 3:13
-- postgres-error
SELECT _id, count(*) OVER (ORDER BY shipped_on RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS n FROM orders;
