-- the left side of a RIGHT JOIN … USING (k) is a FULL JOIN USING (k): its k is the merged column
SELECT *
FROM (VALUES (1, 'a'), (NULL, 'b'), (2, 'c')) a(k, x)
FULL JOIN (VALUES (1, 'p'), (3, 'q')) b(k, y) USING (k)
RIGHT JOIN (VALUES (3, 'z'), (4, 'w'), (NULL, 'v')) c(k, z) USING (k);
