-- ordered
-- t.* over a declared collection with a real column, filtered by a quoted literal (read as real)
SELECT s.* FROM singles s WHERE s.r <> '1004.3' AND s._id > 8 ORDER BY s._id;
