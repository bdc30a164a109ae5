SELECT _id, profile->'address'->>'country' AS country, row_number() OVER (PARTITION BY profile->'address'->>'country' ORDER BY _id) AS rn FROM customers;
