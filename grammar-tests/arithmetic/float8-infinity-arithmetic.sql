-- double precision arithmetic: an infinite operand gives an infinite result (not PostgreSQL's overflow error), a zero operand a zero (not its underflow error)
SELECT _id, score + 1 AS plus, score * 2 AS times, score / 4 AS quarter, 0::float8 * score AS zero, 0::float8 / score AS zero_div,
  CASE WHEN score < 1e300 THEN score / 'Infinity'::float8 END AS by_inf, score * 1e290::float8 AS big
FROM measures ORDER BY _id;
