SELECT status, count(*) AS n, sum(amount) AS total, avg(amount) AS mean, min(amount) AS lo, max(amount) AS hi
FROM orders GROUP BY status;
