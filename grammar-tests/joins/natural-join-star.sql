-- NATURAL JOIN joins on the names both sides have (k, x: in the left side's order),
-- which `SELECT *` lists first, once; NULL keys never match, duplicates multiply
SELECT *
FROM (VALUES (1, 2, 'a'), (1, 3, 'b'), (NULL, 2, 'c'), (1, 2, 'd')) a(k, x, t)
NATURAL JOIN (VALUES (1, 2, 'p'), (2, 1, 'q'), (2, NULL, 'r'), (2, 1, 's')) b(x, k, u);
