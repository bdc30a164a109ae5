-- ordered
-- UNION merges NaNs; ORDER BY over the set puts them after +Infinity
SELECT val FROM readings UNION SELECT amt::float8 FROM readings ORDER BY 1 DESC NULLS LAST;
