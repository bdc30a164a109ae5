-- x op ANY / ALL (SELECT s …) with an ordering comparison, <> ANY and = ALL: the subquery
-- reduces to its smallest and largest non-NULL s and whether some s is NULL, computed
-- once (src/mongo/lower-quantified.ts). Empty sets, NULL x, a NULL among the s, only
-- NULL s, text and timestamps, and a correlated (keyed) one
SELECT _id, quantity,
  quantity < ANY (SELECT quantity FROM orders WHERE customer_id = 1) AS lt_any,
  quantity <= ALL (SELECT quantity FROM orders WHERE customer_id = 3) AS le_all,
  quantity > ANY (SELECT quantity FROM orders WHERE _id > 135) AS gt_any_with_null,
  quantity >= ALL (SELECT quantity FROM orders WHERE _id > 135) AS ge_all_with_null,
  quantity >= ALL (SELECT quantity FROM orders WHERE status = 'none-such') AS ge_all_empty,
  quantity < ANY (SELECT quantity FROM orders WHERE status = 'none-such') AS lt_any_empty,
  quantity <> ANY (SELECT quantity FROM orders WHERE customer_id = 5) AS ne_any,
  quantity <> ANY (SELECT quantity FROM orders WHERE customer_id = 4) AS ne_any_single,
  quantity = ALL (SELECT quantity FROM orders WHERE customer_id = 20 AND quantity = 1) AS eq_all,
  quantity > ALL (SELECT quantity FROM orders WHERE quantity IS NULL) AS gt_all_only_nulls,
  quantity < ANY (SELECT quantity FROM orders WHERE quantity IS NULL) AS lt_any_only_nulls,
  note < ANY (SELECT note FROM orders WHERE customer_id = 11) AS text_any,
  ordered_at >= ALL (SELECT ordered_at FROM orders WHERE customer_id = 2) AS ts_all,
  quantity > ALL (SELECT o2.quantity FROM orders o2 WHERE o2.customer_id = orders.customer_id AND o2._id <> orders._id) AS gt_all_others
FROM orders;
