SELECT _id, status, quantity, sum(quantity) OVER (ORDER BY status) AS running, count(*) OVER (ORDER BY status) AS n FROM orders;
