-- a bigint sum or difference past 2^53 that a double holds exactly is computed (PostgreSQL's answer); an inexact one is refused
CREATE TABLE q (a bigint, b bigint);
INSERT INTO q VALUES (4567890123456789, 4567890123456789), (4567890123456789, 123), (NULL, 1), (9007199254740991, 1), (-4567890123456789, 4567890123456789);
SELECT a, b, a + b AS s, a - b AS d, b - a AS r, a * 2 AS twice FROM q;
