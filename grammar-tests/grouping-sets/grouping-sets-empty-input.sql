SELECT status, count(*) AS n FROM orders WHERE amount > 1000000 GROUP BY GROUPING SETS ((status), ());
