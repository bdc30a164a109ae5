SELECT count(*) FILTER (WHERE status = 'shipped') AS shipped,
       sum(amount) FILTER (WHERE quantity > 2) AS big_sum,
       avg(amount) FILTER (WHERE note LIKE '$%') AS dollar_avg,
       max(amount) FILTER (WHERE amount > 100000) AS none
FROM orders;
