-- (a, b) IN (SELECT …) and NOT IN as WHERE conditions: NOT IN keeps only the rows it
-- is TRUE for (a NULL field of the subquery makes the comparison NULL for the rows
-- its other fields equal)
SELECT o._id, o.customer_id, o.quantity FROM orders o
WHERE (o.customer_id, o.quantity) IN (SELECT customer_id, quantity + 0 FROM orders WHERE status = 'shipped' AND _id > 120)
   OR (o.customer_id, o.status) NOT IN (SELECT c._id, CASE WHEN c.tier = 'gold' THEN 'shipped' END FROM customers c);
