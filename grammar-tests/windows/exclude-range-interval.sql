-- EXCLUDE over RANGE frames with interval offsets (PostgreSQL's regression tests
-- write these over dates); value functions read the ORDER BY key itself; a key that
-- is never NULL may have an UNBOUNDED bound beside an offset
SELECT _id, shipped_on, amount,
  first_value(coalesce(shipped_on, DATE '2030-01-01')) OVER (ORDER BY coalesce(shipped_on, DATE '2030-01-01') RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '7 days' FOLLOWING EXCLUDE TIES) AS f_ties,
  last_value(coalesce(shipped_on, DATE '2030-01-01')) OVER (ORDER BY coalesce(shipped_on, DATE '2030-01-01') RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '7 days' FOLLOWING EXCLUDE GROUP) AS l_group,
  sum(amount) OVER (ORDER BY coalesce(shipped_on, DATE '2000-01-01') RANGE BETWEEN INTERVAL '30 days' PRECEDING AND UNBOUNDED FOLLOWING) AS s_after,
  count(*) OVER (ORDER BY shipped_on RANGE BETWEEN INTERVAL '10 days' PRECEDING AND INTERVAL '10 days' FOLLOWING EXCLUDE CURRENT ROW) AS n_near,
  sum(amount) OVER (ORDER BY shipped_on DESC RANGE BETWEEN '30 days' PRECEDING AND CURRENT ROW EXCLUDE GROUP) AS s_month,
  count(*) OVER (ORDER BY shipped_on RANGE BETWEEN INTERVAL '1 month' PRECEDING AND INTERVAL '1 month' FOLLOWING EXCLUDE TIES) AS n_months
FROM orders;
