-- GROUPS frames: offsets count peer groups (rows with equal ORDER BY keys, the NULL
-- quantity one group of its own), with each kind of bound
SELECT _id, quantity,
  sum(amount) OVER (ORDER BY quantity GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near,
  count(*) OVER (ORDER BY quantity GROUPS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto,
  count(quantity) OVER (ORDER BY quantity GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS from_here,
  avg(amount) OVER (ORDER BY quantity GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS before2,
  min(_id) OVER (ORDER BY quantity GROUPS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS after3,
  max(_id) OVER (ORDER BY quantity GROUPS 2 PRECEDING) AS short_form,
  sum(quantity) OVER (ORDER BY quantity GROUPS BETWEEN CURRENT ROW AND CURRENT ROW) AS peers_only,
  count(*) OVER (ORDER BY quantity GROUPS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS all_rows,
  sum(quantity) OVER (ORDER BY quantity GROUPS BETWEEN 0 PRECEDING AND 0 FOLLOWING) AS zero_offsets
FROM orders;
