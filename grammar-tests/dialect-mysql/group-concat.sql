SELECT customer_id, GROUP_CONCAT(status ORDER BY _id SEPARATOR '|') AS statuses, COUNT(DISTINCT status) AS kinds
FROM orders
WHERE status IS NOT NULL
GROUP BY customer_id;
