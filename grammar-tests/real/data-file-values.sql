-- ordered
-- a declared real column of a data file: each value is read as the single PostgreSQL stores for it
-- (324.78 is 324.779998779296875), in comparisons, arithmetic, aggregates and casts
SELECT g, count(v) AS n, avg(v) AS avg, stddev_pop(v) AS sd, var_samp(v) AS var, max(v) AS mx, min(v::float8) AS mn8,
       bool_or(v = 324.78) AS eq_numeric, bool_or(v = '324.78') AS eq_text
FROM gauges GROUP BY g ORDER BY g;
