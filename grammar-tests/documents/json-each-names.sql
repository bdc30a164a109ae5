-- the json_ spellings on a json value
SELECT e.key, e.value, k.k FROM json_each('{"a": 1, "b": [2]}'::json) e, json_object_keys('{"c": 3}'::json) AS k(k);
