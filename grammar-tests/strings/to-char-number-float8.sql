-- to_char of double precision: the double's exact value rounded half to even (2.5 → 2,
-- 0.125 → .12, 2.675 → 2.67: the double is below the tie), at most 15 significant digits
-- (the rest of the template stops there), -0 keeps its sign, ±Infinity as #s or as the word
SELECT x,
       to_char(x, '9') AS units,
       to_char(x, '9.99') AS two,
       to_char(x, 'FM999999999999.99999') AS wide,
       to_char(x, '999999999.99') AS nine,
       to_char(x, 'S9999999999.9') AS infinity_fits,
       to_char(x, 'RN') AS roman,
       to_char(x, '9V9') AS v
FROM (VALUES (0::float8), (0.5), (1.5), (2.5), (-2.5), (0.125), (0.375), (2.675), (1.005), (4.35), ('-0'), (-0.001),
             (0.1 + 0.2), (123456789012.345), (99999999999.99999), ('Infinity'), ('-Infinity'), (9.7), (NULL)) AS v(x);
