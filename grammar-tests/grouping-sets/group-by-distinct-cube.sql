SELECT status, customer_id > 3 AS c, count(*) AS n, grouping(status) AS g
FROM orders GROUP BY DISTINCT cube(status, customer_id > 3), rollup(status);
