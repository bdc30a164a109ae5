-- RANGE frames with offsets over a double precision key holding NaN (twice), ±Infinity, NULL and a
-- duplicate: a NaN row's frame holds the NaN rows, no other row's frame holds one (PostgreSQL's
-- in_range: NaN equal to NaN, above every number); an infinite offset reaches ±Infinity
SELECT _id, val,
  count(*) OVER (ORDER BY val RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS c1,
  sum(_id) OVER (ORDER BY val RANGE BETWEEN 1 PRECEDING AND 1.5 FOLLOWING) AS s1,
  min(_id) OVER (ORDER BY val DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS m1,
  count(*) OVER (ORDER BY val RANGE BETWEEN 'Infinity' PRECEDING AND 'Infinity' FOLLOWING) AS c_inf,
  sum(_id) OVER (ORDER BY val RANGE BETWEEN CURRENT ROW AND 'Infinity' FOLLOWING) AS s_inf,
  max(_id) OVER (PARTITION BY sensor ORDER BY val RANGE BETWEEN 'Infinity' PRECEDING AND 0 FOLLOWING) AS m_part
FROM readings;
