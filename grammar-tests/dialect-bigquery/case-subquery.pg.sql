SELECT p.name,
       CASE WHEN p.price > (SELECT AVG(price) FROM products) THEN 'above' ELSE 'below' END AS vs_average,
       p.category IN (SELECT category FROM products WHERE stock = 0) AS has_empty_shelf
FROM products AS p;
