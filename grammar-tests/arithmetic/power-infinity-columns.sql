-- ordered
-- the same rules over column values (score holds ±22.5, 0.5, -0.5, 1e10, Infinity and NULL)
SELECT _id, score,
       power(score, 'Infinity'::float8) AS to_inf, power(score, '-Infinity'::float8) AS to_minus_inf,
       power(1, score) AS one_to, power(score, 0) AS to_zero, score ^ 2 AS squared, power(amount, 2) AS amount_squared
FROM measures ORDER BY _id;
