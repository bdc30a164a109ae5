SELECT g.category, g.n
FROM (SELECT category, count(*) AS n FROM products GROUP BY category) AS g
WHERE g.n >= 3;
