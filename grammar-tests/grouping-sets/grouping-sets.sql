SELECT tier, profile->'address'->>'country' AS country, count(*) AS n FROM customers GROUP BY GROUPING SETS ((tier), (profile->'address'->>'country'), ());
