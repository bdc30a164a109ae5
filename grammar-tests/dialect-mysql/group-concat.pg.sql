SELECT customer_id, string_agg(status::text, '|' ORDER BY _id) AS statuses, COUNT(DISTINCT status) AS kinds
FROM orders WHERE status IS NOT NULL GROUP BY customer_id;
