WITH per_customer AS (SELECT customer_id, COUNT(*) AS n, SUM(quantity) AS items FROM orders GROUP BY customer_id)
SELECT c.tier, SUM(p.n) AS orders, SUM(p.items)::numeric / COUNT(*) AS items_per_customer
FROM per_customer p JOIN customers c ON c._id = p.customer_id
GROUP BY c.tier HAVING SUM(p.n) > 2;
