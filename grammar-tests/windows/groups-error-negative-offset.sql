-- error at 3:80
-- postgres-error
SELECT _id, sum(amount) OVER (ORDER BY quantity GROUPS BETWEEN 1 PRECEDING AND -1 FOLLOWING) FROM orders;
