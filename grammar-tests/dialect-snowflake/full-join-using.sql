-- FULL JOIN, JOIN … USING, TOP
SELECT TOP 100 a.customer_id, a.n, b.last_order
FROM (SELECT customer_id, COUNT(*) AS n FROM orders WHERE status = 'shipped' GROUP BY customer_id) a
FULL JOIN (SELECT customer_id, MAX(_id) AS last_order FROM orders WHERE status = 'pending' GROUP BY customer_id) b
  ON a.customer_id = b.customer_id
JOIN customers c ON c._id = COALESCE(a.customer_id, b.customer_id);
