-- error at 3:30
-- postgres-error
SELECT _id, sum(amount) OVER (PARTITION BY status GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM orders;
