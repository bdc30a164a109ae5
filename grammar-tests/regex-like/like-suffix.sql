SELECT _id, email FROM customers WHERE email LIKE '%@example.com';
