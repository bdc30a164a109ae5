-- ordered
-- real op real is computed in single precision; with an integer, numeric or double precision operand in double precision
CREATE TABLE single_readings (id int PRIMARY KEY, a real, b real);
INSERT INTO single_readings VALUES (1, 1.1, 1.1), (2, 0.1, 0.2), (3, 16777216, 1), (4, NULL, 2), (5, 1e-30, 1e-10), (6, -3.3, 3), (7, 1, 3), (8, 1e20, 1e18);
SELECT id, a + b AS sum, a - b AS diff, a * b AS prod, a / b AS quot, a + 1 AS plus_int, a * 1.5 AS times_numeric,
       a + b::float8 AS plus_double, -a AS neg, abs(a - b) AS abs_diff
FROM single_readings ORDER BY id;
