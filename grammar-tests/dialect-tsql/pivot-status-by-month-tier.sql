-- cross-tab: orders per status, by month and customer tier (PIVOT → conditional aggregation)
SELECT *
FROM (
  SELECT c.tier, YEAR(o.ordered_at) * 100 + MONTH(o.ordered_at) AS month, o.status, o.customer_id
  FROM orders o JOIN customers c ON c._id = o.customer_id
) AS s
PIVOT (COUNT(customer_id) FOR status IN ([shipped], [pending], [cancelled])) AS p;
