-- error
SELECT first_name FROM customers WHERE;
