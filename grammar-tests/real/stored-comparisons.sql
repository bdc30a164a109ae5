-- ordered
-- the stored singles compared with numeric and double precision constants (in double precision:
-- 1.1 is not the single 1.1), with quoted literals (read as real), with a double column
SELECT _id, r = 1.1 AS eq_numeric, r = '1.1' AS eq_text, r = 1.1::float8 AS eq_double, r = 1.1::real AS eq_real,
       r = d AS eq_column, r < d AS lt_column, r = 16777216 AS eq_int, r = 16777217 AS eq_int_tie, r IN (0.1, 1.1) AS in_list,
       r > 0 AS positive, r = 0 AS zero, r IS DISTINCT FROM 0.5 AS distinct_half, r BETWEEN '0.1' AND 324.78 AS between
FROM singles ORDER BY _id;
