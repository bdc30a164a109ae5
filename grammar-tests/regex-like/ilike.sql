SELECT _id, email FROM customers WHERE email ILIKE '%@example.com';
