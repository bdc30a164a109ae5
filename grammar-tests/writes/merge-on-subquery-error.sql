-- error at 5:47
-- a subquery in MERGE's ON condition is refused at the subquery (the join condition of the source and the target runs in a $lookup)
CREATE TABLE t (id int PRIMARY KEY, n int);
CREATE TABLE s (id int, n int);
MERGE INTO t USING s ON s.id = t.id AND s.n > (SELECT max(n) FROM t) WHEN MATCHED THEN UPDATE SET n = s.n;
