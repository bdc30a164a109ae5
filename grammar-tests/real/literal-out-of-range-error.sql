-- error at 3:8
-- postgres-error
SELECT '3.5e38'::real AS v;
