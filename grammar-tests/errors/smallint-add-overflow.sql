-- error at 5:14
-- postgres-error
CREATE TABLE small (id int PRIMARY KEY, a smallint, b smallint);
INSERT INTO small VALUES (1, 1, 2), (2, 30000, 30000);
SELECT id, a + b AS s FROM small;
