SELECT _id,
       DATE_ADD(ordered_at, INTERVAL 2 WEEK) AS two_weeks,
       DATE_SUB(ordered_at, INTERVAL 1 MONTH) AS month_before,
       DATEDIFF(shipped_on, ordered_at) AS days_to_ship,
       YEAR(ordered_at) AS y, DAYOFMONTH(ordered_at) AS d
FROM orders
WHERE ordered_at IS NOT NULL;
