-- ordered
CREATE TABLE flags (id int PRIMARY KEY, on_off boolean);
INSERT INTO flags VALUES (1, true), (2, false), (3, NULL);
UPDATE flags SET on_off = NOT on_off;
SELECT * FROM flags ORDER BY id;
