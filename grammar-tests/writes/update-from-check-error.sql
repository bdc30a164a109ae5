-- error at 9:1
-- postgres-error
-- with sqletl.on_error = stop, a row UPDATE … FROM would write against a CHECK constraint fails the statement with PostgreSQL's message (nothing is written; without stop the row is a reject: update-from-rejects)
SET sqletl.on_error = 'stop';
CREATE TABLE c (id int PRIMARY KEY, n int CHECK (n < 3));
CREATE TABLE d (id int);
INSERT INTO c VALUES (1, 1), (2, 2);
INSERT INTO d VALUES (2), (3);
UPDATE c SET n = n + 1 FROM d WHERE d.id = c.id;
