-- ordered
-- WHERE on a column that holds NaN: the leading $match keeps NaN for > and >=, drops it for < and <=
SELECT _id, val, amt FROM readings
WHERE val > 0 OR amt <= 0 OR (val >= -3 AND amt < 'Infinity') OR val < 'NaN'
ORDER BY _id;
