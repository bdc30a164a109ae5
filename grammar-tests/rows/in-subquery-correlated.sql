-- a correlated (a, b) IN (SELECT …): the subquery's rows depend on the outer row;
-- and a list of VALUES rows as the subquery
SELECT o._id,
  (o.customer_id, o.quantity) IN (SELECT p.customer_id, p.quantity FROM orders p WHERE p._id <> o._id) AS same_as_other,
  (o.quantity, o.customer_id) IN (VALUES (2, 1), (5, NULL), (NULL, 11)) AS in_values,
  (o.quantity, o.customer_id) NOT IN (VALUES (2, 1), (5, NULL), (NULL, 11)) AS not_in_values
FROM orders o;
