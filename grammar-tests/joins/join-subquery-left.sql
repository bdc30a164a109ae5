SELECT t.customer_id, t.n, c.tier FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) t LEFT JOIN customers c ON c._id = t.customer_id;
