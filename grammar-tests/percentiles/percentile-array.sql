SELECT percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY amount) AS deciles, percentile_disc(ARRAY[0.25, 0.75]) WITHIN GROUP (ORDER BY quantity) AS quartiles FROM orders;
