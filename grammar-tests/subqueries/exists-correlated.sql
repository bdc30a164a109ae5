SELECT c._id, c.first_name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c._id AND o.status = 'shipped');
