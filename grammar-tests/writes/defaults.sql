-- ordered
CREATE TABLE tasks (id int PRIMARY KEY, title text, status text DEFAULT 'open', priority int DEFAULT 3);
INSERT INTO tasks (id, title) VALUES (1, 'a'), (2, 'b');
INSERT INTO tasks (id, title, status) VALUES (3, 'c', 'done');
SELECT * FROM tasks ORDER BY id;
