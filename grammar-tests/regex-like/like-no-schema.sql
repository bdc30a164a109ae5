-- no-schema
SELECT _id, email FROM customers WHERE email LIKE '%.org' OR email ILIKE '%@EXAMPLE.DE';
