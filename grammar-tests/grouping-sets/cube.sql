SELECT status, quantity, count(*) AS n FROM orders GROUP BY CUBE (status, quantity);
