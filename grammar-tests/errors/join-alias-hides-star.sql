-- error at 4:8
-- postgres-error
-- a.* of a table inside an aliased join: out of scope (PostgreSQL's message)
SELECT a.* FROM ((VALUES (1)) a(k) JOIN (VALUES (1)) b(k) USING (k)) AS j;
