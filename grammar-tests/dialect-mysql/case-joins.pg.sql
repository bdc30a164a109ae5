SELECT c.first_name, p.name, CASE WHEN o.quantity > 2 THEN 'bulk' ELSE 'single' END AS kind
FROM orders o INNER JOIN customers c ON c._id = o.customer_id LEFT JOIN products p ON p._id = o.quantity
WHERE o.status <> 'cancelled';
