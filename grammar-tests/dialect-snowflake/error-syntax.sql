-- error at 2:47
SELECT first_name FROM customers WHERE tier = = 'gold';
