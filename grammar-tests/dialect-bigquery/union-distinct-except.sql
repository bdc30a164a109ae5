-- UNION DISTINCT / UNION ALL
SELECT category FROM products WHERE price > 50
UNION DISTINCT
SELECT category FROM products WHERE stock = 0
UNION ALL
SELECT 'extra';
