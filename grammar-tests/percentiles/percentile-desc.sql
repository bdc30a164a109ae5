SELECT status, percentile_cont(0.3) WITHIN GROUP (ORDER BY amount DESC) AS p30_desc, percentile_disc(0.3) WITHIN GROUP (ORDER BY amount DESC) AS d30_desc FROM orders GROUP BY status;
