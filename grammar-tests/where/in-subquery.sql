SELECT _id, first_name FROM customers WHERE _id IN (SELECT customer_id FROM orders WHERE amount > 200);
