-- error at 3:13
-- postgres-error
SELECT rank(3) WITHIN GROUP (ORDER BY status) AS r FROM orders;
