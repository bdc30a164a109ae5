-- arithmetic and functions over NaN and the infinities (IEEE, as PostgreSQL): Infinity - Infinity, 0 * Infinity
-- and Infinity / Infinity are NaN; NaN / 0 is NaN (not a division by zero); functions of NaN are NaN
SELECT _id, val + 1 AS plus, val - val AS minus, val * 0 AS zero, val / 'Infinity'::float8 AS by_inf, CASE WHEN amt = 'NaN' THEN amt / 0 END AS nan_by_zero,
       abs(val) AS abs, round(val) AS round, trunc(amt) AS trunc, ceil(val) AS ceil, floor(amt) AS floor,
       sign(val) AS sign_f, sign(amt) AS sign_n, exp(CASE WHEN val < 700 OR val > 'Infinity' THEN val END) AS exp,
       power(amt, 0) AS pow0, power(1, val) AS pow1, power(amt, 2) AS squared, greatest(val, 1) AS greatest, least(amt, 1) AS least
FROM readings WHERE amt IS NULL OR amt <> 0 OR val = 'NaN';
