-- an OR over both sides of a LEFT JOIN: the filter derived for the right side tests
-- the NULLs the join adds, so it stays after the join
SELECT c._id, c.tier, o._id AS order_id, o.status
FROM customers c LEFT JOIN orders o ON o.customer_id = c._id
WHERE (o.status = 'shipped' AND c.tier = 'gold')
   OR (o._id IS NULL AND c.tier IS NOT NULL)
   OR (o.status IS NULL AND c._id > 25)
ORDER BY 1, 3;
