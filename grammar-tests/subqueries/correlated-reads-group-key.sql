-- ordered
-- after GROUP BY, a correlated subquery reads the group's key: one value per group, as PostgreSQL
SELECT status,
       (SELECT max(o2.amount) FROM orders o2 WHERE o2.status = o.status AND o2.quantity > 1) AS largest_bulk,
       (SELECT count(*) FROM orders o3 WHERE o3.status = o.status) AS same_status,
       EXISTS (SELECT 1 FROM orders o4 WHERE o4.status = o.status AND o4.discount IS NOT NULL) AS any_discount,
       count(*) AS n
FROM orders o
WHERE status IS NOT NULL
GROUP BY status
ORDER BY status;
