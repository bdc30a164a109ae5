-- the right side a parenthesized FULL JOIN USING (k): the outer USING (k) reads its merged k
SELECT *, a.k AS ak, b.k AS bk, c.k AS ck
FROM (VALUES (1, 2), (2, 3), (5, 6)) a(k, x)
LEFT JOIN ((VALUES (1, 3), (NULL, 4)) b(k, y) FULL JOIN (VALUES (1, 4), (2, 5)) c(k, z) USING (k)) USING (k);
