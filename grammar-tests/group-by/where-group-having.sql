SELECT category, count(*) AS n, avg(price) AS avg_price
FROM products WHERE price < 200 GROUP BY category HAVING count(*) > 1;
