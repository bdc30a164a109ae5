WITH stats AS (SELECT count(*) AS n, avg(amount) AS avg_amount FROM orders)
SELECT o._id, o.amount, s.n, round(o.amount - s.avg_amount, 2) AS diff FROM orders o CROSS JOIN stats s WHERE o._id < 110;
