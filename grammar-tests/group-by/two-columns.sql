SELECT status, quantity > 3 AS big, count(*) AS n FROM orders GROUP BY status, quantity > 3;
