-- error at 7:1
-- postgres-error
-- with sqletl.on_error = stop, a row MERGE would insert with a NULL in a NOT NULL column fails the statement with PostgreSQL's message (nothing is written; without stop the row is a reject)
SET sqletl.on_error = 'stop';
CREATE TABLE c (id int PRIMARY KEY, n int NOT NULL);
INSERT INTO c VALUES (1, 1);
MERGE INTO c USING (VALUES (1, 5), (2, NULL)) AS v(id, n) ON v.id = c.id WHEN MATCHED THEN UPDATE SET n = v.n WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.n);
