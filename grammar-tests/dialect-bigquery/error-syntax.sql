-- error at 2:39
SELECT first_name FROM customers WHERE;
