-- ->> yields text: compare with strings
SELECT _id FROM customers WHERE profile->>'premium' = 'true';
