SELECT customer_id,
       string_agg(status::text, '/') AS statuses,
       extract(month FROM min(ordered_at))::int AS first_month,
       max(ordered_at) + interval '2 hours' AS two_hours_after_last
FROM orders
WHERE status IS NOT NULL AND status <> '' AND customer_id IN (1, 4, 7)
GROUP BY customer_id;
