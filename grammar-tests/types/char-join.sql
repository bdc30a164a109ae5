-- ordered
-- joins on character(n) keys: trailing blanks do not count (also between char(3) and char(6));
-- against a text column the comparison is text's (the character value without its blanks)
CREATE TABLE l (k char(3), v int);
CREATE TABLE r (k char(6), t text, w int);
INSERT INTO l VALUES ('a', 1), ('a  ', 2), ('b', 3), (NULL, 4), ('', 5);
INSERT INTO r VALUES ('a', 'a', 10), ('b     ', 'b ', 20), (NULL, NULL, 30), ('', '', 40);
SELECT l.v, r.w, l.k, r.k AS rk, l.k = r.t AS eq_text
FROM l JOIN r ON l.k = r.k ORDER BY 1, 2;
