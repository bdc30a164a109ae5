CREATE TABLE tags (id int PRIMARY KEY, tag varchar(4));
CREATE TABLE extra (id int, suffix text);
INSERT INTO tags VALUES (1, 'a'), (2, 'bb'), (3, 'c'), (4, 'd');
INSERT INTO extra VALUES (1, 'x'), (2, 'yyy'), (3, NULL);
UPDATE tags SET tag = tag || (SELECT suffix FROM extra WHERE extra.id = tags.id) WHERE id IN (SELECT id FROM extra) AND id <> 2;
SELECT * FROM tags ORDER BY id;
