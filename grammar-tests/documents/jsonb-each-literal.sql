-- a quoted argument is jsonb; NULL gives no rows
SELECT key, value FROM jsonb_each('{"a": 1, "bb": [1, {"c": null}], "a b": "x", "$d": true}')
UNION ALL
SELECT key, value FROM jsonb_each(NULL);
