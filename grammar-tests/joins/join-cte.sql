WITH big AS (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id HAVING sum(amount) > 100)
SELECT c._id, c.first_name, b.total FROM customers c JOIN big b ON b.customer_id = c._id;
