SELECT _id, profile->'address'->>'city' AS city, tags[1] AS first_tag FROM customers;
