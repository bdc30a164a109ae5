SELECT _id, profile->'address' AS address, profile->>'premium' AS premium, profile->'address'->>'country' AS country,
       profile->>'score' AS score
FROM customers;
