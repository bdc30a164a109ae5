-- ordered
-- float8 → integer types round half to even (rint: 22.5 → 22, 23.5 → 24, -22.5 → -22);
-- numeric → int rounds half away from zero (22.5 → 23)
SELECT _id, score, score::int AS i, CAST(score AS bigint) AS b, CAST(score AS smallint) AS s, amount::int AS n
FROM measures WHERE _id <= 6 ORDER BY _id;
