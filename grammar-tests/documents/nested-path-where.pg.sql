SELECT _id, first_name FROM customers WHERE profile->'address'->>'country' = 'DE';
