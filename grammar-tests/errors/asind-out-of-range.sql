-- error at 3:11
-- postgres-error
SELECT x, asind(x) FROM (VALUES (0.5::float8), (2::float8)) AS t(x);
