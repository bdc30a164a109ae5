SELECT _id, status, count(*) FILTER (WHERE amount > 50) OVER (PARTITION BY status) AS big, sum(amount) FILTER (WHERE quantity > 1) OVER (ORDER BY _id) AS multi FROM orders;
