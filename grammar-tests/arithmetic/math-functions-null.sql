-- Math functions over a NULL or missing argument (discount, a scale from a CASE)
-- are NULL without a guard: MongoDB's $abs, $ceil, $floor, $pow, $sqrt, $exp, $ln,
-- $log and $log10 return null for null or missing input.
SELECT _id, discount,
  ABS(-discount) AS a, CEIL(discount) AS c, FLOOR(discount) AS f,
  POWER(discount, 2) AS p, POWER(2, CASE WHEN _id % 2 = 0 THEN NULL ELSE _id % 5 END) AS p2,
  SQRT(discount) AS sq, EXP(discount / 10) AS e, LN(discount + 1) AS l, LOG(discount + 1) AS l10
FROM orders
ORDER BY _id;
