-- error at 3:16
-- postgres-error
SELECT status, amount FROM orders GROUP BY status;
