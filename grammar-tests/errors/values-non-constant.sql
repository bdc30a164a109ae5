-- error at 3:26
-- VALUES rows with non-constant expressions are not supported yet
SELECT * FROM (VALUES (1 + 1), (length('ab'))) AS v(x);
