-- PIVOT with SUM: a missing combination is NULL, as in SQL Server
SELECT p.tier, p.[shipped], p.[returned]
FROM (SELECT c.tier, o.status, o.amount FROM orders o JOIN customers c ON c._id = o.customer_id) AS s
PIVOT (SUM(amount) FOR status IN ([shipped], [returned])) AS p;
