-- error at 3:29
-- sum(o.amount) belongs to the grouped outer query in PostgreSQL, not to the subquery over customers
SELECT customer_id, (SELECT sum(o.amount) FROM customers c WHERE c._id = o.customer_id) AS s FROM orders o GROUP BY customer_id;
