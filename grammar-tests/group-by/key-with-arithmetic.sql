SELECT quantity % 3 AS r, count(*) FROM orders GROUP BY quantity % 3;
