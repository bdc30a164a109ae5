-- ordered
-- * over a declared collection with a real column reads the singles too
SELECT *, '' AS blank FROM singles WHERE _id < 13 ORDER BY _id;
