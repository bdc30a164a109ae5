SELECT status, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS m FROM orders GROUP BY ROLLUP (status);
