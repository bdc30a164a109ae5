-- NATURAL LEFT/RIGHT/FULL: the merged columns are the preserved side's (FULL: the first
-- non-NULL of both); qualified names still reach each side's own column
SELECT 'left' AS j, k, x, a.k AS ak, b.k AS bk, t, u
FROM (VALUES (1, 2, 'a'), (1, 3, 'b'), (NULL, 2, 'c')) a(k, x, t)
NATURAL LEFT JOIN (VALUES (2, 1, 'p'), (3, 2, 'q'), (NULL, 2, 'r')) b(x, k, u)
UNION ALL
SELECT 'right', k, x, a.k, b.k, t, u
FROM (VALUES (1, 2, 'a'), (1, 3, 'b'), (NULL, 2, 'c')) a(k, x, t)
NATURAL RIGHT JOIN (VALUES (2, 1, 'p'), (3, 2, 'q'), (NULL, 2, 'r')) b(x, k, u)
UNION ALL
SELECT 'full', k, x, a.k, b.k, t, u
FROM (VALUES (1, 2, 'a'), (1, 3, 'b'), (NULL, 2, 'c')) a(k, x, t)
NATURAL FULL JOIN (VALUES (2, 1, 'p'), (3, 2, 'q'), (NULL, 2, 'r')) b(x, k, u);
