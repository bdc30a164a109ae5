-- error at 3:87
-- postgres-error
SELECT _id, count(*) OVER (ORDER BY shipped_on RANGE BETWEEN CURRENT ROW AND INTERVAL '-2 days' FOLLOWING EXCLUDE TIES) FROM orders;
