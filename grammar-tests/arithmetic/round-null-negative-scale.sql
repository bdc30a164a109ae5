-- ROUND half away from zero over NULL/missing values (discount), negative values,
-- ties (2.5 → 3, -2.5 → -3), a scale that varies by row and a NULL scale.
SELECT _id, discount,
  ROUND(discount) AS r0, ROUND(-discount) AS rn0, ROUND(discount, 1) AS r1, ROUND(-discount, 1) AS rn1,
  ROUND(discount - 2.5, 0) AS tie, ROUND(2.5 - discount, 0) AS tie_neg,
  ROUND(amount / 7.0, _id % 3) AS r_var, ROUND(-amount / 7.0, _id % 3 - 1) AS rn_var,
  ROUND(amount, CASE WHEN _id % 2 = 0 THEN NULL ELSE 1 END) AS r_null_scale,
  CAST(discount / 3 AS numeric(10, 2)) AS scaled
FROM orders
ORDER BY _id;
