-- DATEADD, DATEDIFF (boundaries crossed), YEAR/MONTH, DATEPART
SELECT _id,
       DATEADD(day, 7, ordered_at) AS week_later,
       DATEADD(month, -1, ordered_at) AS month_before,
       DATEDIFF(day, ordered_at, shipped_on) AS days_to_ship,
       DATEDIFF(month, '2023-01-01', ordered_at) AS months_since,
       DATEDIFF(hour, ordered_at, shipped_on) AS hours_to_ship,
       YEAR(ordered_at) AS y, MONTH(ordered_at) AS m, DATEPART(quarter, ordered_at) AS q
FROM orders
WHERE ordered_at IS NOT NULL;
