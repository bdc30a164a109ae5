SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY amount)::numeric, 2) AS m2, max(amount) - percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS above FROM orders;
