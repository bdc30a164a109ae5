SELECT profile->'address'->>'country' AS country, count(*) AS n FROM customers GROUP BY profile->'address'->>'country';
