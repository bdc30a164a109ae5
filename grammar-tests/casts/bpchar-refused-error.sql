-- error at 4:20
-- character(n) pads with blanks, and trailing blanks do not count in comparisons, length() or ||
-- ('ab'::char(5) || 'x' is 'abx'): refused rather than computed as text
SELECT first_name::char(10) || '|' AS padded FROM customers;
