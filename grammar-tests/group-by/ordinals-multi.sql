SELECT category, active, count(*), max(price) FROM products GROUP BY 2, 1;
