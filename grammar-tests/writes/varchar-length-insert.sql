-- ordered
-- varchar(n): blanks past n are cut off on INSERT and UPDATE (longer text would be refused)
CREATE TABLE codes (id int PRIMARY KEY, code varchar(3));
INSERT INTO codes VALUES (1, 'ab   '), (2, 'abc'), (3, 'a'), (4, NULL);
INSERT INTO codes SELECT _id + 10, 'xyz  ' FROM customers WHERE _id <= 2;
UPDATE codes SET code = code || '   ' WHERE id = 3;
SELECT id, code, length(code) AS n FROM codes ORDER BY id;
