-- error at 5:66
-- MERGE … UPDATE SET of a PRIMARY KEY column is refused, as in UPDATE (the key is the documents' _id)
CREATE TABLE t (id int PRIMARY KEY, n int);
CREATE TABLE s (id int, n int);
MERGE INTO t USING s ON s.id = t.id WHEN MATCHED THEN UPDATE SET id = s.n;
