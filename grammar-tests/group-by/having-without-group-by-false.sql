SELECT count(*) AS n FROM orders HAVING count(*) > 1000;
