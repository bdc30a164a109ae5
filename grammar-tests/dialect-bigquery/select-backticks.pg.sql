SELECT first_name, last_name FROM customers WHERE tier = 'gold' ORDER BY last_name NULLS FIRST, _id LIMIT 4;
