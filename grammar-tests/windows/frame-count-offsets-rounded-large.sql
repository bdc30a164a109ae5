-- ROWS and GROUPS offsets are bigints: a numeric offset is rounded half away from zero
-- (2.5 → 3), and a count past any partition's size frames the whole side
SELECT _id, quantity,
  count(*) OVER (ORDER BY quantity GROUPS BETWEEN 1e18 PRECEDING AND 2.5 FOLLOWING) AS n_groups,
  sum(quantity) OVER (ORDER BY _id ROWS BETWEEN 3000000000 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) AS s_rows,
  max(quantity) OVER (ORDER BY _id ROWS BETWEEN 1.4 PRECEDING AND 0.5 FOLLOWING) AS max_rows
FROM orders WHERE quantity IS NOT NULL;
