-- PostgreSQL's default names: ROW(…) is "row", t.* inside a cast or subquery is named after t
CREATE TABLE pairs (a int, b text);
INSERT INTO pairs VALUES (1, 'x'), (2, NULL);
SELECT ROW(p.*), (SELECT (p.*)::text), ROW(a, b) FROM pairs p;
