SELECT o._id, c.first_name, e.type FROM orders o JOIN customers c ON c._id = o.customer_id JOIN events e ON e.user_id = c._id AND e.type = 'login' WHERE o.amount > 100;
