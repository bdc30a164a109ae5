SELECT 1 AS one, 'x' AS s, true AS t, NULL AS n, 2.5 AS d, 'It''s' AS quoted;
