SELECT c._id, o._id FROM customers c LEFT JOIN (SELECT * FROM orders WHERE amount > 100000) o ON o.customer_id = c._id WHERE c._id < 5;
