-- GROUPS frames over keys with NULLs (first or last), descending, several keys, in
-- partitions; value functions read values equal across a peer group, so ties do not
-- depend on the order of peers
SELECT _id, status, quantity,
  sum(quantity) OVER (PARTITION BY status ORDER BY quantity DESC NULLS LAST GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS by_status,
  count(*) OVER (ORDER BY status NULLS FIRST GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS status_next,
  count(*) OVER (ORDER BY status DESC GROUPS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS status_prev,
  first_value(quantity) OVER (ORDER BY quantity NULLS FIRST GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS first_q,
  last_value(quantity) OVER (ORDER BY quantity DESC GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS last_q,
  nth_value(quantity, 3) OVER (ORDER BY quantity GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS third_q,
  max(amount) OVER (PARTITION BY customer_id ORDER BY status, quantity GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_max,
  count(*) FILTER (WHERE amount > 50) OVER (ORDER BY quantity / 3 GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS big_near
FROM orders;
