-- error at 3:8
-- postgres-error
SELECT '1e-46'::real AS v;
