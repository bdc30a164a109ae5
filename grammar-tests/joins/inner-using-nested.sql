SELECT c._id, c.profile->'address'->>'city' AS city, o._id AS order_id, o.amount FROM orders o JOIN customers c ON c._id = o.customer_id WHERE o.amount > 50;
