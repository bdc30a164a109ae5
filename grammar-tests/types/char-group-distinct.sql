-- ordered
-- GROUP BY, DISTINCT, ORDER BY and count(DISTINCT) of character(n) ignore trailing blanks;
-- the group shows its value padded
CREATE TABLE codes (id int, c char(3));
INSERT INTO codes VALUES (1, 'b'), (2, 'b  '), (3, 'a'), (4, ''), (5, NULL), (6, '   '), (7, NULL), (8, 'B'), (9, ' b');
SELECT c, count(*) AS n, min(id) AS first, lower(c) || '|' AS low,
       (SELECT count(DISTINCT c) FROM codes) AS kinds
FROM codes GROUP BY c ORDER BY c NULLS FIRST;
