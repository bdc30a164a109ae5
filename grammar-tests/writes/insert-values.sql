-- ordered
CREATE TABLE scores (id int PRIMARY KEY, name text NOT NULL, score numeric, passed boolean);
INSERT INTO scores VALUES (1, 'ann', 91.5, true), (2, 'bob', NULL, false);
INSERT INTO scores (name, id, passed) VALUES ('cy', 3, NULL);
SELECT * FROM scores ORDER BY id;
