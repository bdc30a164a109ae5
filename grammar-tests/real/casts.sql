-- ordered
-- double precision, numeric and integers to real, real to integer (half to even) and to double precision
SELECT _id, score::real AS s, amount::real AS a, score::real::float8 AS s8, (score * 1.1)::real AS s11,
       CASE WHEN _id <> 8 THEN (score::real)::int END AS i, _id::real / 3::real AS third
FROM measures WHERE _id <> 7 ORDER BY _id;
