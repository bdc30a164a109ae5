SELECT _id, email FROM customers WHERE email ~ '^[a-z]+@example\.com$';
