-- SELECT * of nested USING joins: each join's merged columns first, then its sides' columns
SELECT *
FROM (VALUES (1, 2, 5)) a(k, x, m)
JOIN (VALUES (1, 3), (1, 4)) b(k, y) USING (k)
JOIN (VALUES (5, 4), (6, 7)) c(m, z) USING (m),
(VALUES (9, 1)) d(w, k);
