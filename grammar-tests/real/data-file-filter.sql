-- ordered
-- a filter on a declared real column compares the singles (not pushed into the query language, which reads the stored doubles)
SELECT _id, v, v * 2::real AS twice FROM gauges WHERE v = '0.1' OR v > 324.78 OR v = 1.1 OR v IN (56, 16777216) ORDER BY _id;
