-- JOIN … USING (k) AS u: u.k is the merged column (FULL: the first non-NULL side), u.* lists it
SELECT u.k, u.*, a.k AS ak, b.k AS bk, k, a.x, b.x
FROM (VALUES (1, 'a'), (NULL, 'b'), (2, 'c'), (2, 'd')) a(k, x)
FULL JOIN (VALUES (1, 'p'), (3, 'q'), (NULL, 'r')) b(k, x) USING (k) AS u;
