-- x [NOT] IN (SELECT c …) where NULL and FALSE differ: keyed on c, with one summary of
-- the whole subquery (src/plan/key-in-subqueries.ts). An empty subquery makes NOT IN
-- TRUE even for a NULL x; otherwise a NULL x gives NULL; a NULL c turns every
-- non-match into NULL
SELECT _id, customer_id,
  customer_id NOT IN (SELECT quantity FROM orders WHERE status = 'none-such') AS not_in_empty,
  customer_id NOT IN (SELECT quantity FROM orders WHERE _id < 110) AS not_in_quantity,
  customer_id IN (SELECT customer_id FROM orders WHERE _id > 112) AS in_with_null,
  customer_id NOT IN (SELECT _id FROM customers WHERE tier = 'gold') AS not_gold,
  status = ANY (SELECT status FROM orders WHERE quantity > 2) OR _id > 125 AS any_or,
  note NOT IN (SELECT note FROM orders WHERE note IS NOT NULL) AS note_not_in
FROM orders;
