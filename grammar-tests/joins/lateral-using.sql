-- JOIN LATERAL … USING: the merged column first in SELECT *; LEFT keeps the customers
-- the subquery returns nothing for (their largest order's customer id is NULL)
SELECT *
FROM (SELECT _id AS customer_id, first_name FROM customers WHERE _id < 8) c
LEFT JOIN LATERAL (
  SELECT o.customer_id, o.amount AS biggest FROM orders o
  WHERE o.customer_id = c.customer_id
  ORDER BY o.amount DESC NULLS LAST
  LIMIT 1
) x USING (customer_id);
