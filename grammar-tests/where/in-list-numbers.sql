SELECT _id, customer_id FROM orders WHERE customer_id IN (1, 5, 99, 1000);
