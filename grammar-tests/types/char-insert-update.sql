-- ordered
-- INSERT, UPDATE and INSERT … SELECT into character(n): blanks past n are cut off, values padded;
-- CREATE TABLE AS keeps the column character(n); SELECT * shows it padded
CREATE TABLE codes (id int PRIMARY KEY, c char(3), v varchar(3));
INSERT INTO codes VALUES (1, 'abc   ', 'abc   '), (2, 'a', 'a '), (3, NULL, NULL), (4, '', '');
INSERT INTO codes (id, c) VALUES (5, 12);
INSERT INTO codes SELECT _id + 10, first_name::char(2), last_name::varchar(3) FROM customers WHERE _id <= 2;
UPDATE codes SET c = c || 'z', v = v || 'z' WHERE id = 2;
UPDATE codes SET c = 'xy ' WHERE c = '';
CREATE TABLE copied AS SELECT id, c, v FROM codes WHERE id <> 3;
SELECT *, c || '|' AS cat, length(c) AS n, c = 'az' AS eq FROM copied ORDER BY id;
