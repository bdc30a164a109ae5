-- error at 2:8
SELECT lower(first_name, last_name) FROM customers;
