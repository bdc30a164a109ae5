SELECT status, sum(discount) AS s, count(discount) AS c FROM orders GROUP BY status;
