-- error at 7:1
-- a row UPDATE … FROM would write against a CHECK constraint fails the statement with PostgreSQL's message (it was written unchecked)
CREATE TABLE c (id int PRIMARY KEY, n int CHECK (n < 3));
CREATE TABLE d (id int);
INSERT INTO c VALUES (1, 1), (2, 2);
INSERT INTO d VALUES (2), (3);
UPDATE c SET n = n + 1 FROM d WHERE d.id = c.id;
