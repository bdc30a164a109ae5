-- array_position and array_remove are not strict in PostgreSQL: a NULL element is found
-- and removed (IS NOT DISTINCT FROM); only a NULL array gives NULL
SELECT _id,
  array_position(tags, 'vip') AS p,
  array_remove(tags, 'vip') AS r,
  array_position(tags, NULL) AS p_null,
  array_remove(tags, NULL) AS r_null,
  array_position(ARRAY['a', NULL, 'b'], NULL) AS p_lit,
  array_remove(ARRAY[1, NULL, 2, NULL], NULL) AS r_lit,
  array_remove(ARRAY[1, NULL, 2], 2) AS r_keep_null
FROM customers;
