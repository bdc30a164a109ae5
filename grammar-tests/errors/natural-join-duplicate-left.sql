-- error at 5:76
-- postgres-error
-- the left side of the NATURAL JOIN has two columns named x (PostgreSQL's message)
SELECT *
FROM ((VALUES (1, 2)) a(k, x) JOIN (VALUES (1, 3)) b(k, x) USING (k)) AS j NATURAL JOIN (VALUES (1, 2)) c(k, x);
