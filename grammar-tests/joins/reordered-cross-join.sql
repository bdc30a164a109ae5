-- FROM a, b, c where b connects to c only: joined a, c, b (no cross product), same rows
SELECT c._id, o._id AS order_id, p.sku
FROM customers c, products p, orders o
WHERE o.customer_id = c._id AND p._id = o.quantity AND o.amount > 20;
