-- no-schema
-- ordered
-- a field of no declared type cast to real: a number as a numeric constant would be, text as text is
SELECT _id, score::real AS s, score::real::float8 AS s8 FROM measures WHERE _id <> 7 ORDER BY _id;
