-- error
-- postgres-error
-- a computed field position of zero is PostgreSQL's error at run time
SELECT split_part('a,b', ',', n) AS part FROM (VALUES (1), (0)) AS v(n);
