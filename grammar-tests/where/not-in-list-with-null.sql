-- NOT IN with a NULL in the list is never true
SELECT count(*) FROM orders WHERE customer_id NOT IN (2, 3, NULL);
