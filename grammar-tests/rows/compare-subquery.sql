-- (a, b) = (SELECT x, y …) and the ordering comparisons with a one-row subquery: no
-- row makes every field NULL; a correlated subquery without FROM reads the outer row
SELECT _id, customer_id, quantity,
  (customer_id, quantity) = (SELECT customer_id, quantity FROM orders WHERE _id = 104) AS eq_104,
  (customer_id, quantity) <> (SELECT customer_id, quantity FROM orders WHERE _id = 104) AS ne_104,
  (customer_id, quantity) < (SELECT customer_id, quantity FROM orders WHERE _id = 104) AS lt_104,
  (customer_id, quantity) >= (SELECT customer_id, quantity FROM orders WHERE _id = 139) AS ge_139,
  (customer_id, quantity) = (SELECT customer_id, quantity FROM orders WHERE _id < 0) AS eq_none,
  ROW(1, 2) = (SELECT customer_id, quantity) AS eq_own,
  ROW(3, 5) = (SELECT 3, 5) AS eq_constant
FROM orders;
