-- error at 2:15
SELECT TOP 10 PERCENT first_name FROM customers;
