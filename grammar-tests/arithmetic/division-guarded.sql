-- divisions and logarithms whose operands are never zero, negative or are NULL run
-- (NULLIF, CASE and WHERE keep the failing rows away, as in PostgreSQL)
SELECT _id, amount / NULLIF(quantity, 0) AS per_item, _id % NULLIF(quantity, 0) AS m,
  mod(_id, NULLIF(quantity, 0)) AS fm, ln(NULLIF(abs(quantity), 0)) AS l, log(abs(quantity) + 1) AS l10,
  sqrt(CASE WHEN quantity >= 0 THEN quantity END) AS s, 10 / (quantity + 100) AS d
FROM orders;
