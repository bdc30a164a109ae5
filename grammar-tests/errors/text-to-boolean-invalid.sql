-- error at 3:11
-- postgres-error
SELECT s::boolean AS b FROM (VALUES ('yes'), ('TRU'), (' of '), (NULL), ('maybe')) AS v(s);
