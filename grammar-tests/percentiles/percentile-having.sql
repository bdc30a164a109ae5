SELECT status FROM orders GROUP BY status HAVING percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) > 50;
