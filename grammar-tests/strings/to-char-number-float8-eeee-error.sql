-- error at 3:28
-- EEEE of double precision is printf's rounding of the binary value: refused
SELECT to_char(score, '9.99EEEE') FROM measures;
