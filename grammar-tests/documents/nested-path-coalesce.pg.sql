SELECT _id, coalesce(profile->'address'->>'city', 'unknown') AS city, upper(profile->'address'->>'country') AS cc FROM customers;
