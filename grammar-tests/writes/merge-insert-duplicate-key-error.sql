-- error at 6:1
-- postgres-error
-- a MERGE INSERT of a key the table holds (the ON condition is not the key) or that another inserted row repeats fails the statement with PostgreSQL's message before anything is written (not yet a reject)
CREATE TABLE t (id int PRIMARY KEY, n int);
INSERT INTO t VALUES (1, 1), (2, 2);
MERGE INTO t USING (VALUES (1, 3), (7, 2)) AS v(a, b) ON v.a = t.id WHEN MATCHED THEN UPDATE SET n = v.b WHEN NOT MATCHED THEN INSERT VALUES (v.b, v.a);
