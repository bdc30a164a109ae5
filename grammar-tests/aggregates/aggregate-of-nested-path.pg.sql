SELECT tier, max((profile->>'score')::numeric) AS best, count(profile->'address'->>'city') AS with_city
FROM customers GROUP BY tier;
