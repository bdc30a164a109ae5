-- ordered
-- GROUP BY (a, b) is grouping by a and b; ORDER BY a row sorts by its fields
SELECT status, quantity, count(*) AS n, (status, quantity) AS r FROM orders GROUP BY (status, quantity) ORDER BY (status, quantity);
