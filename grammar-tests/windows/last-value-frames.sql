-- last_value over every kind of frame: ROWS frames ending before, at and after the
-- current row (and empty ones: NULL), RANGE frames ending at the last peer or at the
-- partition's end, and a RANGE frame with offsets
SELECT _id, status, quantity,
  last_value(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS centred,
  last_value(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous,
  last_value(amount) OVER (PARTITION BY status ORDER BY _id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING) AS ahead,
  last_value(_id) OVER (PARTITION BY status ORDER BY quantity RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS last_in_partition,
  last_value(quantity) OVER (PARTITION BY status ORDER BY quantity) AS last_peer_quantity,
  last_value(quantity) OVER (ORDER BY _id RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS within_one
FROM orders;
