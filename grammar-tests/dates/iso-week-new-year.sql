-- ISO week, ISO year and day numbers around four New Years (26 December to 4 January,
-- 2015/16 to 2018/19): 2016-01-01 is in ISO week 53 of 2015, 2018-12-31 in week 1 of 2019.
WITH days AS (
  SELECT _id, DATE '2015-12-26' + ((_id - 101) % 10) + 365 * ((_id - 101) / 10) AS day
  FROM orders
)
SELECT _id, day, EXTRACT(YEAR FROM day) AS y, EXTRACT(WEEK FROM day) AS wk, EXTRACT(ISOYEAR FROM day) AS isoyear,
  EXTRACT(DOW FROM day) AS dow, EXTRACT(ISODOW FROM day) AS isodow, EXTRACT(DOY FROM day) AS doy,
  DATE_PART('week', day) AS wk_part, DATE_TRUNC('week', day) AS week_start
FROM days
ORDER BY _id;
