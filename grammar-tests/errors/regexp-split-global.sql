-- error at 3:42
-- postgres-error
SELECT regexp_split_to_table('a,b', ',', 'ig') FROM (VALUES (1)) t(x);
