SELECT first_name, last_name, tier FROM customers WHERE tier IN ('gold', 'silver') ORDER BY _id LIMIT 5;
