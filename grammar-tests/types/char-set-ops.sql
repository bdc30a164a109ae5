-- ordered
-- UNION, INTERSECT and EXCEPT of character(n) values of the same length ignore trailing blanks;
-- a text column first makes the column text (the character values lose their blanks)
CREATE TABLE a (c char(4));
CREATE TABLE b (c char(4), t text);
INSERT INTO a VALUES ('ab'), ('ab  '), ('x'), (NULL), ('');
INSERT INTO b VALUES ('ab ', 'ab '), ('y', 'y'), (NULL, NULL), ('x', 'x  ');
SELECT 'union' AS op, c || '|' AS v, length(c) AS n FROM (SELECT c FROM a UNION SELECT c FROM b) s
UNION ALL SELECT 'intersect', c || '|', length(c) FROM (SELECT c FROM a INTERSECT SELECT c FROM b) s
UNION ALL SELECT 'except', c || '|', length(c) FROM (SELECT c FROM a EXCEPT SELECT c FROM b) s
UNION ALL SELECT 'text first', c || '|', length(c) FROM (SELECT t AS c FROM b UNION SELECT c FROM a) s
UNION ALL SELECT 'cast', c || '|', length(c) FROM (SELECT CAST(t AS char(4)) AS c FROM b UNION SELECT c FROM a) s
ORDER BY 1, 2;
