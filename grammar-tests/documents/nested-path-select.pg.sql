SELECT _id, profile->'address'->>'city' AS city, profile->'address'->>'country' AS country FROM customers;
