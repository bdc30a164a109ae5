-- with GROUP BY, no input means no groups
SELECT status, count(*) FROM orders WHERE amount > 100000 GROUP BY status;
