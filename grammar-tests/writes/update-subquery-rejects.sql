-- ordered
-- UPDATE with subqueries (run as the joined form) conforms its values as UPDATE does: a value too long for its varchar(n) column is a reject and the row keeps its old value, a NULL value is written. PostgreSQL fails the statement instead: its spelling leaves out the rejected row (id 2)
CREATE TABLE tags (id int PRIMARY KEY, tag varchar(4));
CREATE TABLE extra (id int, suffix text);
INSERT INTO tags VALUES (1, 'a'), (2, 'bb'), (3, 'c'), (4, 'd');
INSERT INTO extra VALUES (1, 'x'), (2, 'yyy'), (3, NULL);
UPDATE tags SET tag = tag || (SELECT suffix FROM extra WHERE extra.id = tags.id) WHERE id IN (SELECT id FROM extra);
SELECT * FROM tags ORDER BY id;
