-- ordered
-- a UNION of character(4) columns shows its rows padded; duplicates differing in trailing blanks are one row
CREATE TABLE a (c char(4));
INSERT INTO a VALUES ('ab'), ('ab  '), ('x'), (NULL), ('');
SELECT c FROM a UNION SELECT CAST('x ' AS char(4)) ORDER BY 1;
