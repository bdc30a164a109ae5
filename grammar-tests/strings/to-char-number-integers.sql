-- to_char of integers: ordinal suffixes TH/th (teens take th; not for negatives or
-- with a decimal point), V multiplies by ten per digit, quoted and plain text,
-- fraction digits print zeros, bigint values, Roman numerals (1 to 3999, else #)
SELECT x,
       to_char(x, '9999TH') AS th_upper,
       to_char(x, 'FM9999th') AS th_lower,
       to_char(x, '999V99') AS v,
       to_char(x, '"n="9999" units"') AS quoted,
       to_char(x, 'FM9,999.00') AS fraction,
       to_char(x, 'RN') AS roman,
       to_char(x, 'FMrn') AS roman_lower,
       to_char(x, 'FM"["RN"]"') AS roman_text
FROM (VALUES (0), (1), (2), (3), (4), (11), (12), (13), (21), (22), (23), (101), (111), (112), (-1), (-12),
             (1994), (3999), (4000), (NULL)) AS v(x);
