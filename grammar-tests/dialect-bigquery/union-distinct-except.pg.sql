SELECT category FROM products WHERE price > 50 UNION SELECT category FROM products WHERE stock = 0 UNION ALL SELECT 'extra';
