SELECT _id, status, amount, first_value(amount) OVER (PARTITION BY status ORDER BY amount) AS lo, last_value(amount) OVER (PARTITION BY status ORDER BY amount) AS upto_peers FROM orders;
