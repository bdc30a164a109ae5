SELECT _id,
       DATEADD(day, 30, ordered_at) AS due,
       DATEADD('month', 2, ordered_at) AS later,
       DATEDIFF(day, ordered_at, shipped_on) AS days_to_ship,
       DATEDIFF(year, '2020-06-30', ordered_at) AS years_since,
       DATE_TRUNC('month', ordered_at) AS month
FROM orders
WHERE shipped_on IS NOT NULL;
