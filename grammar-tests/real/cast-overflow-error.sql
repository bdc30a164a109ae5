-- error at 4:29
-- postgres-error
-- score 1e10 is a single, 1e10 * 1e30 is a double past the largest single: value out of range: overflow
SELECT _id, (score * 1e30)::real AS v FROM measures WHERE _id = 7;
