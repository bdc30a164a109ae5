-- ordered
-- DISTINCT ON a character(n) key (and FETCH … WITH TIES) keeps the column padded
CREATE TABLE codes (id int, c char(3));
INSERT INTO codes VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, 'a  '), (5, 'b');
SELECT DISTINCT ON (c) c, id, c || '|' AS cat FROM codes ORDER BY c, id DESC;
