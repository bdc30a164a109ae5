-- asind, acosd, atand, atan2d in degrees: exact at -1, -0.5, 0, 0.5, 1 as in PostgreSQL
CREATE TABLE ratios (id int PRIMARY KEY, x double precision, y double precision);
INSERT INTO ratios VALUES (1, -1, 0), (2, -0.5, 1), (3, 0, 0), (4, 0.5, -1), (5, 1, 10), (6, 0.25, -0.25), (7, -0.75, 3),
  (8, NULL, 1), (9, 1e300, 1), (10, -1e300, -1), (11, 0.1, NULL);
SELECT id, x,
  CASE WHEN abs(x) <= 1 THEN asind(x) END AS asin_d, CASE WHEN abs(x) <= 1 THEN asind(x) IN (-90, -30, 0, 30, 90) END AS asin_exact,
  CASE WHEN abs(x) <= 1 THEN acosd(x) END AS acos_d, CASE WHEN abs(x) <= 1 THEN acosd(x) IN (0, 60, 90, 120, 180) END AS acos_exact,
  atand(x) AS atan_d, atand(x) IN (-90, -45, 0, 45, 90) AS atan_exact,
  atan2d(y, x) AS atan2_d, atan2d(y, x) IN (-90, 0, 90, 180) AS atan2_exact,
  atand(CASE WHEN x <> 0 THEN x * 'Infinity'::float8 END) AS atan_infinite
FROM ratios ORDER BY id;
