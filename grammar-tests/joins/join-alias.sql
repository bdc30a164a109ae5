-- (a JOIN b USING (k)) AS j(p, q): j's columns are the join's output columns, renamed in
-- order; a and b are out of scope, so the name a can be used again
SELECT *
FROM ((VALUES (1, 'x'), (2, 'y'), (NULL, 'z')) a(k, v) LEFT JOIN (VALUES (1, 10), (1, 11), (NULL, 12)) b(k, w) USING (k)) AS j(p, q)
JOIN (VALUES (1), (2)) a(k) ON a.k = j.p;
