-- a division in one branch is not copied into the filter derived for orders (it would
-- run on rows the OR never reaches): quantity 0 is an order of customer 5
SELECT c._id, o._id AS order_id, o.quantity
FROM customers c JOIN orders o ON TRUE
WHERE (c._id = o.customer_id AND o.quantity <> 0 AND 100 / o.quantity > 30 AND c.tier = 'gold')
   OR (c._id = o.customer_id AND o.quantity = 0 AND c.first_name = 'Eve')
   OR (c._id = o.customer_id AND o.quantity < 0)
ORDER BY 1, 2;
