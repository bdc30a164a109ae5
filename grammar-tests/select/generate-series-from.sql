-- generate_series in FROM: two and three arguments, a negative step, an alias with a column name,
-- WITH ORDINALITY, an empty series and a NULL bound (no rows)
SELECT 'a' AS s, g AS v, NULL::int AS n FROM generate_series(1, 5) g
UNION ALL SELECT 'b', x, NULL FROM generate_series(10, 1, -3) AS t(x)
UNION ALL SELECT 'c', g, n FROM generate_series(0, 20, 7) WITH ORDINALITY AS o(g, n)
UNION ALL SELECT 'd', g, NULL FROM generate_series(5, 1) g
UNION ALL SELECT 'e', g, NULL FROM generate_series(1, NULL) g;
