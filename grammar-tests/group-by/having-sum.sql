SELECT status, sum(amount) AS total FROM orders GROUP BY status HAVING sum(amount) > 200;
