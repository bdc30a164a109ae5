SELECT _id, status, quantity, count(*) OVER (PARTITION BY status, quantity) AS n, sum(amount) OVER (PARTITION BY status, quantity ORDER BY _id) AS s FROM orders;
