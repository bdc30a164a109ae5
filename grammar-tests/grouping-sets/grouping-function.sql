SELECT status, customer_id, grouping(status) AS gs, grouping(status, customer_id) AS g2, count(*) AS n FROM orders GROUP BY ROLLUP (status, customer_id);
