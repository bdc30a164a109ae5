SELECT _id FROM customers WHERE _id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL);
