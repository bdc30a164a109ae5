-- error at 3:21
-- a bigint shift whose result a double cannot hold exactly (here -2^63) is refused at run time
SELECT n, 1::bigint << n FROM (VALUES (1), (-1)) AS t(n);
