-- error at 3:14
-- postgres-error
SELECT x, x::numeric FROM (VALUES ('1'), ('-NaN')) AS v(x);
