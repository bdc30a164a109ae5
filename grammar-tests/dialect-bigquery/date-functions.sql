-- DATE_ADD/DATE_SUB with INTERVAL, DATE_DIFF, TIMESTAMP_TRUNC, EXTRACT
SELECT _id,
       DATE_ADD(shipped_on, INTERVAL 3 DAY) AS arrives,
       TIMESTAMP_SUB(ordered_at, INTERVAL 1 HOUR) AS hour_before,
       DATE_DIFF(shipped_on, ordered_at, DAY) AS days_to_ship,
       DATE_DIFF(shipped_on, DATE '2023-01-01', MONTH) AS months_in,
       TIMESTAMP_TRUNC(ordered_at, MONTH) AS month,
       EXTRACT(YEAR FROM ordered_at) AS y
FROM orders
WHERE shipped_on IS NOT NULL;
