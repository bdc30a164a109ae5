-- ordered
-- character(n) = text compares as text: 'b' (held without blanks) does not equal 'b '
CREATE TABLE l (k char(3), v int);
CREATE TABLE r (t text, w int);
INSERT INTO l VALUES ('a', 1), ('b', 2), (NULL, 3);
INSERT INTO r VALUES ('a', 10), ('b ', 20), ('b', 21);
SELECT l.v, r.w, l.k FROM l LEFT JOIN r ON l.k = r.t ORDER BY 1, 2;
