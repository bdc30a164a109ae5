-- (a, b) [NOT] IN (SELECT x, y …) where NULL and FALSE differ: a row is in the
-- subquery when some row equals it field by field; a pair holding a NULL makes that
-- row's comparison NULL unless another pair is unequal, so NOT IN over a subquery
-- with a NULL field is NULL, not TRUE, for a row no other subquery row rules out
SELECT _id, customer_id, quantity,
  (customer_id, quantity) IN (SELECT customer_id, quantity FROM orders WHERE _id BETWEEN 101 AND 106) AS in_first,
  (customer_id, quantity) NOT IN (SELECT customer_id, quantity FROM orders WHERE _id BETWEEN 101 AND 106) AS not_in_first,
  (customer_id, quantity) NOT IN (SELECT customer_id, quantity FROM orders WHERE _id IN (120, 139)) AS not_in_nulls,
  (customer_id, status) IN (SELECT customer_id, status FROM orders WHERE _id > 136) AS in_text,
  (customer_id, quantity) NOT IN (SELECT customer_id, quantity FROM orders WHERE _id < 0) AS not_in_empty,
  (customer_id, quantity) <> ALL (SELECT customer_id, quantity FROM orders WHERE quantity > 5 OR _id = 120) AS ne_all
FROM orders;
