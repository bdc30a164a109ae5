SELECT c._id, c.first_name FROM customers c LEFT JOIN orders o ON o.customer_id = c._id WHERE o._id IS NULL;
