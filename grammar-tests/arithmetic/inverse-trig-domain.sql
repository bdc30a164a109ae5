-- asin/acos/acosh/atanh inside their domains (atanh(±1) is ±Infinity), cot(0) is Infinity,
-- atan(±Infinity) is ±π/2
SELECT x, asin(x), acos(x), atanh(x), acosh(x + 2), cot(x), atan(x * 'Infinity'::float8)
FROM (VALUES (-1.0), (-0.5), (0.25), (1.0), (NULL)) AS v(x);
