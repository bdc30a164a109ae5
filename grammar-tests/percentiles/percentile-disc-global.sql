SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY amount) AS median, percentile_disc(0) WITHIN GROUP (ORDER BY amount) AS lo, percentile_disc(1) WITHIN GROUP (ORDER BY amount) AS hi FROM orders;
