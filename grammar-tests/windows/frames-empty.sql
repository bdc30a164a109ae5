-- frames that hold no row: a start after the end (ROWS, GROUPS), a frame past the
-- partition's edge, one whose only row is excluded; count is 0, the others NULL
SELECT _id, customer_id, quantity,
  sum(amount) OVER (ORDER BY _id ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING) AS s_rows,
  count(*) OVER (ORDER BY _id ROWS BETWEEN 2 FOLLOWING AND 1 FOLLOWING) AS n_rows,
  count(quantity) OVER (ORDER BY quantity GROUPS BETWEEN 1 FOLLOWING AND 0 FOLLOWING) AS n_groups,
  max(amount) OVER (ORDER BY quantity GROUPS BETWEEN 2 PRECEDING AND 3 PRECEDING) AS max_groups,
  last_value(amount) OVER (ORDER BY quantity GROUPS BETWEEN 2 PRECEDING AND 3 PRECEDING) AS last_groups,
  sum(amount) OVER (PARTITION BY customer_id ORDER BY _id GROUPS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) AS s_past_edge,
  sum(amount) OVER (PARTITION BY customer_id ORDER BY _id ROWS BETWEEN CURRENT ROW AND CURRENT ROW EXCLUDE CURRENT ROW) AS s_self,
  count(*) OVER (PARTITION BY customer_id ORDER BY _id ROWS BETWEEN CURRENT ROW AND CURRENT ROW EXCLUDE GROUP) AS n_self,
  avg(amount) OVER (PARTITION BY customer_id ORDER BY quantity GROUPS CURRENT ROW EXCLUDE GROUP) AS a_self,
  first_value(amount) OVER (PARTITION BY customer_id ORDER BY _id ROWS CURRENT ROW EXCLUDE TIES) AS f_ties
FROM orders;
