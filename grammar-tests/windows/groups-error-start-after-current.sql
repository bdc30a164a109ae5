-- error at 3:77
-- postgres-error
SELECT _id, count(*) OVER (ORDER BY quantity GROUPS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM orders;
