SELECT c._id, c.profile->'address'->>'city' AS city FROM customers AS c WHERE c.tier = 'silver';
