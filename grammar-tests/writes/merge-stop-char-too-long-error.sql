-- error at 7:1
-- postgres-error
-- with sqletl.on_error = stop, a value too long for its character(n) column that MERGE would insert fails the statement with PostgreSQL's message
SET sqletl.on_error = 'stop';
CREATE TABLE grades (id int PRIMARY KEY, grade char(2));
INSERT INTO grades VALUES (1, 'a');
MERGE INTO grades g USING (VALUES (1, 'b '), (2, 'abc')) AS v(id, grade) ON v.id = g.id WHEN MATCHED THEN UPDATE SET grade = v.grade WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.grade);
