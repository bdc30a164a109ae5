-- ordered
-- round(double precision) and a double precision cast to integer are rint: ties go to the even neighbour, and
-- a value below a tie rounds down (3.4999 is 3, 2.51 is 3); round(numeric) rounds ties away from zero
SELECT x, round(x) AS r, x::int AS i, x::bigint AS b, round(x::numeric) AS rn, round(x::numeric, 0) AS rn0
FROM (VALUES (0.5::float8), (1.5), (2.5), (-0.5), (-1.5), (-2.5), (3.4999), (1.4999), (5.49), (2.51), (-2.51), (-3.4999), (NULL)) v(x)
ORDER BY x NULLS LAST;
