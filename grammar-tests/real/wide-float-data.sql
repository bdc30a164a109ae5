-- ordered
-- large doubles written as integer digits in a real / double precision column's data
SELECT _id, r, d, r > 1e20 AS big, d / 1e10 AS scaled, -d AS neg, d = 1e20 AS eq
FROM wide_floats ORDER BY _id;
