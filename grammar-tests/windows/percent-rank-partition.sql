SELECT _id, status, quantity, percent_rank() OVER (PARTITION BY status ORDER BY quantity) AS pr, cume_dist() OVER (PARTITION BY status ORDER BY quantity DESC) AS cd FROM orders;
