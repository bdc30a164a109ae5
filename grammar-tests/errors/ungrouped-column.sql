-- error at 2:16
SELECT status, amount FROM orders GROUP BY status;
