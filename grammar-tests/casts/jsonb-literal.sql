-- a jsonb literal is the document it spells (an empty object, nested objects, arrays),
-- not its text; -> and ->> read it
SELECT _id, '{}'::jsonb AS empty, '{"a": {"b": [1, 2]}, "c": "x"}'::jsonb AS doc,
  ('{"a": {"b": [1, 2]}}'::jsonb)->'a'->'b' AS arr, ('{"c": "x"}'::jsonb)->>'c' AS c, ('[10, 20]'::jsonb)->1 AS second
FROM orders WHERE _id < 104;
