-- error at 3:63
-- postgres-error
SELECT _id, sum(amount) OVER (ORDER BY quantity RANGE BETWEEN -1 PRECEDING AND 1 FOLLOWING) FROM orders;
