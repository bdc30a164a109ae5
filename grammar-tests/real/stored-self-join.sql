-- a self-join on a stored real column: equal singles from different doubles match; NULLs never match
SELECT a._id AS a, b._id AS b FROM singles a JOIN singles b ON a.r = b.r AND a._id < b._id;
