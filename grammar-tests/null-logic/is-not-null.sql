SELECT _id, email FROM customers WHERE email IS NOT NULL;
