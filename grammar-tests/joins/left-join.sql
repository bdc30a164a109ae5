SELECT c._id, c.first_name, o._id AS order_id, o.amount FROM customers c LEFT JOIN orders o ON o.customer_id = c._id;
