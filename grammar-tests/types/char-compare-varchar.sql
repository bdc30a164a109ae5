-- ordered
-- character(n) against varchar compares as character (trailing blanks of both ignored),
-- against text as text (PostgreSQL's operator resolution)
CREATE TABLE l (id int, c char(4));
CREATE TABLE r (id int, v varchar(6), t text);
INSERT INTO l VALUES (1, 'ab'), (2, 'x'), (3, NULL), (4, '');
INSERT INTO r VALUES (1, 'ab  ', 'ab  '), (2, 'x', 'x'), (3, NULL, NULL), (4, ' ', ' ');
SELECT l.id, r.id AS rid, l.c = r.v AS eq_varchar, l.c = r.t AS eq_text, l.c = r.t::varchar AS eq_cast,
       r.v = l.c AS varchar_eq, l.c = 'ab '::varchar AS eq_const, l.c < r.v AS lt_varchar
FROM l JOIN r ON l.c = r.v OR l.id = r.id ORDER BY 1, 2;
