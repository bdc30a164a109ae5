SELECT c._id, date_trunc('month', c.registered_at) AS reg_month, ln(o.n + 1) AS ln_n, o.n
FROM customers AS c
RIGHT JOIN (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) AS o ON o.customer_id = c._id
WHERE c.registered_at < now() OR c._id IS NULL;
