SELECT status, customer_id, count(*) AS n, sum(amount) AS total FROM orders GROUP BY ROLLUP (status, customer_id);
