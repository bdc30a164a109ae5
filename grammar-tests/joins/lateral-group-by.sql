-- a grouped LATERAL subquery (one row per status of each customer), then an outer GROUP BY
SELECT x.status, count(*) AS customers, sum(x.n) AS orders
FROM customers c,
LATERAL (SELECT o.status, count(*) AS n FROM orders o WHERE o.customer_id = c._id GROUP BY o.status) x
GROUP BY x.status;
