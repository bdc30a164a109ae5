-- IN with a NULL in the list: true when found, NULL (never true) otherwise
SELECT _id, customer_id FROM orders WHERE customer_id IN (2, 3, NULL);
