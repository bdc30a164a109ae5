-- a numeric constant with more digits than a double holds is fine where PostgreSQL makes it a
-- double precision value: cast, beside a double in arithmetic, comparison and a VALUES column
SELECT x, x * 1.000000000000000000001 AS scaled, x > 1.000000000000000000001 AS above,
       12345678901234567.5::float8 AS cast_constant
FROM (VALUES (0::float8), (99999999999.99999), (1.0000000000000002), (NULL)) AS v(x);
