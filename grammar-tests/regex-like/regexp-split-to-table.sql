-- regexp_split_to_table in FROM (WITH ORDINALITY, lateral over a column) and in the select list
CREATE TABLE split_rows (id int PRIMARY KEY, s text);
INSERT INTO split_rows VALUES (1, 'a,b,,c'), (2, ''), (3, NULL), (4, 'one'), (5, ',x,');
SELECT r.id, piece, n, length(piece) AS len
FROM split_rows r, regexp_split_to_table(r.s, ',') WITH ORDINALITY AS t(piece, n)
ORDER BY r.id, n;
