-- error at 4:8
-- the text of a subquery's numeric column computed by a division: PostgreSQL prints the scale it computed (0.33333333333333333333), which sqletl does not keep; refused at the column, as in the SELECT that computes it
CREATE TABLE t (a numeric);
SELECT x::text FROM (SELECT a / 3 AS x FROM t) s;
