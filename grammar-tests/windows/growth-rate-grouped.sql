SELECT status, count(*) AS n, sum(amount) AS total,
       round(sum(amount) * 100.0 / sum(sum(amount)) OVER (), 2) AS share,
       rank() OVER (ORDER BY count(*) DESC) AS by_count
FROM orders GROUP BY status;
