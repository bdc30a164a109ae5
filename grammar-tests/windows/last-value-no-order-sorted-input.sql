-- last_value without ORDER BY: every row is a peer; PostgreSQL gives the partition's last row in
-- the order the rows arrive, here a subquery's ORDER BY (first_value the first)
SELECT first_value(quantity) OVER (PARTITION BY status) AS first_q,
       last_value(quantity) OVER (PARTITION BY status) AS last_q, quantity, status
FROM (SELECT * FROM orders WHERE quantity IS NOT NULL ORDER BY status, quantity, _id) s
ORDER BY status, quantity, _id;
