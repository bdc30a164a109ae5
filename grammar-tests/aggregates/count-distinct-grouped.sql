SELECT tier, count(DISTINCT profile->'address'->>'country') AS countries, count(*) FROM customers GROUP BY tier;
