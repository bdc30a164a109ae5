-- error at 3:64
-- postgres-error
SELECT _id, sum(amount) OVER (ORDER BY quantity GROUPS BETWEEN quantity PRECEDING AND CURRENT ROW) FROM orders;
