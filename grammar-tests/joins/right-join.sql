SELECT o._id, o.customer_id, c.first_name FROM customers c RIGHT JOIN orders o ON o.customer_id = c._id;
