-- error at 7:1
-- postgres-error
-- with sqletl.on_error = stop, a value too long for its varchar(n) column that MERGE would write fails the statement with PostgreSQL's message, before anything is written
SET sqletl.on_error = 'stop';
CREATE TABLE codes (id int PRIMARY KEY, code varchar(3), qty smallint);
INSERT INTO codes VALUES (1, 'abc', 1), (2, 'de', 2);
MERGE INTO codes USING (VALUES (1, 'xy  '), (3, 'wxyz')) AS v(id, code) ON v.id = codes.id WHEN MATCHED THEN UPDATE SET code = v.code WHEN NOT MATCHED THEN INSERT (id, code) VALUES (v.id, v.code);
