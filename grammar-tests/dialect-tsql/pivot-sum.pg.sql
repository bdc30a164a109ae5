SELECT tier,
       sum(amount) FILTER (WHERE status = 'shipped') AS shipped,
       sum(amount) FILTER (WHERE status = 'returned') AS returned
FROM (SELECT c.tier, o.status, o.amount FROM orders o JOIN customers c ON c._id = o.customer_id) AS s
GROUP BY tier;
