-- ordered
-- VALUES and CASE with a real and integers or numerics are real (the others rounded to singles); an IN list of
-- several constants beside a real is read as real, a single one compared in double precision
SELECT column1 AS v, column1 = 1.1 AS eq_numeric, column1 IN (1.1, 16777217) AS in_two, column1 IN (1.1) AS in_one,
       column1::float8 AS exact
FROM (VALUES (1.1::real), (16777217), (0.1), (NULL)) AS t ORDER BY column1;
