-- ordered
-- MERGE … INSERT: the columns the INSERT does not name (or, without a column list, the trailing ones VALUES leaves out) get their DEFAULTs, NULL without one
CREATE TABLE t (id int PRIMARY KEY, status text DEFAULT 'new', n int DEFAULT 7, note text);
INSERT INTO t VALUES (1, 'old', 1, 'x');
MERGE INTO t USING (VALUES (1), (2), (3), (4)) AS v(id) ON v.id = t.id
WHEN MATCHED THEN UPDATE SET n = t.n + 1
WHEN NOT MATCHED AND v.id = 2 THEN INSERT (id) VALUES (v.id)
WHEN NOT MATCHED AND v.id = 3 THEN INSERT VALUES (v.id, 'three')
WHEN NOT MATCHED THEN INSERT (id, note) VALUES (v.id, 'z');
SELECT * FROM t ORDER BY id;
