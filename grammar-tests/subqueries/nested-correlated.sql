SELECT c._id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c._id AND EXISTS (SELECT 1 FROM events e WHERE e.user_id = c._id AND e.type = 'login'));
