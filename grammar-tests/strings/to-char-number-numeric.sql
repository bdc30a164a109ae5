-- to_char of numeric: digit positions, blanks and zeros, the sign's blank, rounding half
-- away from zero at the template's last digit (2.675 → 2.68, 999.995 overflows to #),
-- numbers too wide for the template (#), FM trimming, NULL in → NULL out
SELECT x,
       to_char(x, '9999.99') AS nines,
       to_char(x, 'FM9999.99') AS fm,
       to_char(x, '0000.00') AS zeros,
       to_char(x, 'FM9990.09') AS fm_zeros,
       to_char(x, '9,999.9') AS comma,
       to_char(x, 'FM9G999D999') AS locale,
       to_char(x, '99') AS narrow,
       to_char(x, '.99') AS no_int,
       to_char(x, 'FM9') AS fm_int
FROM (VALUES (0::numeric), (5), (-5), (0.5), (-0.5), (0.05), (-0.001), (-0.0049), (2.675), (1.005), (999.995),
             (-999.994), (1234.5), (-1234.56), (9999.994), (10000), (99.95), (0.125), (NULL)) AS v(x);
