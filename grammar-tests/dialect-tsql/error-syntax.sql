-- error at 2:25
SELECT first_name, FROM customers;
