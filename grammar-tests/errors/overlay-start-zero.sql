-- error at 4:46
-- postgres-error
-- a start below 1 (here from a column): PostgreSQL's error at run time
SELECT id, overlay('abc' PLACING 'x' FROM id - 1) FROM (VALUES (1)) AS t(id);
