SELECT sum(amount * quantity) AS revenue, max(amount) - min(amount) AS spread, count(*) * 2 AS twice,
       sum(amount) / count(*) AS mean
FROM orders;
