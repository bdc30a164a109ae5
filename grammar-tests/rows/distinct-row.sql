-- DISTINCT over row values: equal rows are one
SELECT DISTINCT (customer_id % 3, status) AS r FROM orders;
