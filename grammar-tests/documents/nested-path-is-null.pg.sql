SELECT _id, profile->'address'->>'city' IS NULL AS no_city, profile->>'premium' IS NULL AS no_premium
FROM customers WHERE profile->'address' IS NULL OR profile->'address'->>'city' IS NULL;
