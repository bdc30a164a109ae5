SELECT status, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) AS median, percentile_disc(0.75) WITHIN GROUP (ORDER BY quantity) AS p75 FROM orders GROUP BY status;
