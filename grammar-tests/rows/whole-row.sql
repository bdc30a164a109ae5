-- a relation's name alone is its whole row (a composite of its columns); t.* in an
-- expression too, and inside ROW(…) t.* stands for t's columns; t IS NULL when every
-- column is NULL, t IS NOT NULL when none is
SELECT v, ROW(v.*) AS same, ROW(0, v.*) AS wider, v IS NULL AS all_null, v IS NOT NULL AS none_null, v.* IS NULL AS star_null
FROM (VALUES (1, 'x'), (NULL, 'y'), (NULL, NULL)) AS v(a, b);
