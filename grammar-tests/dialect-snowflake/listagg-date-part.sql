-- LISTAGG with a separator, DATE_PART, TIMEADD
SELECT customer_id,
       LISTAGG(status, '/') AS statuses,
       DATE_PART(month, MIN(ordered_at)) AS first_month,
       TIMEADD(hour, 2, MAX(ordered_at)) AS two_hours_after_last
FROM orders
WHERE status IS NOT NULL AND status <> '' AND customer_id IN (1, 4, 7)
GROUP BY customer_id;
