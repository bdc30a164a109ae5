SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ordered_at) AS mid_date, percentile_disc(0.5) WITHIN GROUP (ORDER BY status) AS mid_status FROM orders;
