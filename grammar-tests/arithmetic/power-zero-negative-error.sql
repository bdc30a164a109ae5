-- error at 3:20
-- PostgreSQL: zero raised to a negative power is undefined ($pow fails with its own words, JavaScript says Infinity)
SELECT _id, score, power(score - 0.5, -1) AS p FROM measures WHERE _id = 6;
