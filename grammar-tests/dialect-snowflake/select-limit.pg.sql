SELECT first_name, tier FROM customers WHERE tier ILIKE 'g%' ORDER BY last_name, _id LIMIT 4;
