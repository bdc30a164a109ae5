-- the text of a subquery's numeric column read as it is (a column, its min/max) or of a known scale is PostgreSQL's: only computed ones of unknown scale are refused (errors/numeric-subquery-quotient-text)
CREATE TABLE t (a numeric, p numeric(10, 2));
INSERT INTO t VALUES (1, 2.5), (0.5, 3), (NULL, NULL);
SELECT x::text AS xt, y::text AS yt, z::text AS zt FROM (SELECT a AS x, p * 2 AS y, p AS z FROM t) s ORDER BY xt;
SELECT m::text FROM (SELECT max(a) AS m FROM t) s;
