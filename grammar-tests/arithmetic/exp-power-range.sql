-- exp and power within a double, and with infinite arguments (no overflow error there, as in PostgreSQL)
SELECT _id, exp(score / 1e9) AS e, score ^ 2 AS sq, 2 ^ (score / 1e9) AS p,
  CASE WHEN score > 1e300 THEN exp(score) END AS e_inf, CASE WHEN score > 1e300 THEN exp(-score) END AS e_zero
FROM measures ORDER BY _id;
