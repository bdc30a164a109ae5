-- numeric → int rounds half away from zero
SELECT _id, amount, amount::int AS a, CAST(amount AS integer) AS b FROM orders;
