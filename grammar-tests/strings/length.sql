-- LENGTH counts characters, not bytes
SELECT _id, length(first_name), char_length(last_name), character_length(email), length(profile->'address'->>'city') AS city_len
FROM customers;
