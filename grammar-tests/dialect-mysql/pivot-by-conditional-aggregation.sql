-- MySQL has no PIVOT: the cross-tab of orders per status by month and tier is written with SUM(IF(…))
SELECT c.tier, YEAR(o.ordered_at) * 100 + MONTH(o.ordered_at) AS month,
       SUM(IF(o.status = 'shipped', 1, 0)) AS shipped,
       SUM(IF(o.status = 'pending', 1, 0)) AS pending,
       SUM(IF(o.status = 'cancelled', 1, 0)) AS cancelled
FROM orders o JOIN customers c ON c._id = o.customer_id
GROUP BY c.tier, YEAR(o.ordered_at) * 100 + MONTH(o.ordered_at);
