SELECT _id, status, rank() OVER (ORDER BY status) AS r, dense_rank() OVER (ORDER BY status) AS dr FROM orders;
