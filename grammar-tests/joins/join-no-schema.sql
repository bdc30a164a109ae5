-- no-schema
SELECT o._id, c.first_name FROM orders o JOIN customers c ON c._id = o.customer_id;
