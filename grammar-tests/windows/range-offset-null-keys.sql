-- RANGE frames with offsets over a key with NULLs: a NULL row's frame is the NULL rows,
-- and no other row's frame holds a NULL row
SELECT _id, quantity,
  sum(amount) OVER (ORDER BY quantity RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near,
  count(*) OVER (PARTITION BY status ORDER BY quantity DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS n_desc,
  max(_id) OVER (ORDER BY quantity RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING) AS max_near
FROM orders;
