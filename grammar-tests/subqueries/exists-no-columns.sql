-- EXISTS over a SELECT without columns (PostgreSQL allows an empty select list), nested
SELECT c._id FROM customers c
WHERE EXISTS (SELECT FROM orders o WHERE o.customer_id = c._id AND EXISTS (SELECT FROM events e WHERE e.user_id = c._id AND e.type = 'login'));
