-- IEEE/POSIX pow as PostgreSQL: power(1, ±inf) and power(±1, ±inf) are 1, |x| < 1 to +inf is 0,
-- |x| > 1 to -inf is 0, anything to the power 0 is 1
SELECT power(1, 'Infinity'::float8) AS a, power(1, '-Infinity'::float8) AS b, power(-1, 'Infinity'::float8) AS c,
       power(0.5::float8, 'Infinity'::float8) AS d, power(0.5::float8, '-Infinity'::float8) AS e,
       power(2::float8, 'Infinity'::float8) AS f, power(2::float8, '-Infinity'::float8) AS g,
       power('Infinity'::float8, 0) AS h, power('-Infinity'::float8, 3) AS i, power('-Infinity'::float8, -3) AS j,
       2 ^ 10 AS k, power(2, -1) AS l, 'inf'::float8 ^ 2 AS m;
