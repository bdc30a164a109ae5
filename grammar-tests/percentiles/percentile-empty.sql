SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS m, percentile_disc(0.5) WITHIN GROUP (ORDER BY amount) AS d, count(*) AS n FROM orders WHERE amount > 1000000;
