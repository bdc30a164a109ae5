-- error at 4:33
-- PostgreSQL multiplies an int4 by 10^V in int4 arithmetic, which wraps around past 2^31;
-- sqletl does not know the integer's width: refused for such values at run time
SELECT x, to_char(x, '9999999999V9') FROM (VALUES (5), (300000000), (NULL)) AS v(x);
