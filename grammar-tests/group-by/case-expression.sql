SELECT CASE WHEN amount >= 100 THEN 'large' WHEN amount >= 20 THEN 'medium' ELSE 'small' END AS size,
       count(*) AS n, sum(quantity) AS q
FROM orders GROUP BY 1;
