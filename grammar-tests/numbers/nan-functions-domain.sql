-- functions whose argument must be in a domain give NaN for NaN (MongoDB would call NaN negative)
SELECT x, sqrt(x) AS sqrt, ln(x) AS ln, log(x) AS log10, asin(x) AS asin, acosh(x + 1) AS acosh, atanh(x) AS atanh,
       cbrt(x) AS cbrt, power(x, 0.5) AS half, power(0, x) AS zero_to, sin(x) AS sin
FROM (VALUES ('NaN'::float8), (0.25), (NULL)) AS v(x);
