-- EEEE: scientific notation of numeric and integer values: the mantissa rounded half away
-- from zero (9.995 with one digit prints PostgreSQL's 10.0e+00), negative exponents,
-- zero, a blank for the sign of positives; the rest of the template is not printed
SELECT x,
       to_char(x, '9.99EEEE') AS two,
       to_char(x, '9EEEE') AS none,
       to_char(x, '99.9EEEE') AS wide,
       to_char(x, '"x"9.9EEEE') AS text_ignored
FROM (VALUES (0::numeric), (1), (-1), (1234.5), (-0.000123), (9.995), (99.95), (0.00001), (1e20), (123456789012), (NULL)) AS v(x);
