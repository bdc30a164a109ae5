-- error
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY amount) FROM orders;
