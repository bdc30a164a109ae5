-- ordered
-- SELECT DISTINCT over character(n) and a text column: 'x' and 'x  ' are one value
CREATE TABLE codes (id int, c char(5), t text);
INSERT INTO codes VALUES (1, 'x', 'x'), (2, 'x  ', 'x'), (3, 'x', 'x '), (4, NULL, NULL), (5, NULL, NULL), (6, '', '');
SELECT DISTINCT c, t || '|' AS t FROM codes ORDER BY 1, 2;
