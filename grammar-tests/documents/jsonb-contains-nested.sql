-- objects inside arrays contain partially; a nested array must be an array; a top-level scalar is contained in an array holding it
SELECT x, x @> '[{"a": 1}]' AS has_a1, x <@ '[{"a": 1, "b": 2}, 3, [4, 5]]' AS within, x @> '3' AS has_3
FROM (VALUES (1, '[{"a": 1, "b": 2}, 3]'::jsonb), (2, '[3, 3]'::jsonb), (3, '[[4]]'::jsonb), (4, '{"a": 1}'::jsonb), (5, '3'::jsonb), (6, NULL::jsonb), (7, '[]'::jsonb), (8, '[[1], {"a": [1]}]'::jsonb)) AS v(n, x);
