-- error at 3:11
-- 'NaN' read from text at run time is refused as its literal is
SELECT x::float8 FROM (VALUES ('1'), ('NaN')) AS v(x);
