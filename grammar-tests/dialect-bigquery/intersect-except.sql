SELECT category FROM products WHERE price > 20
INTERSECT DISTINCT
SELECT category FROM products WHERE active
EXCEPT DISTINCT
SELECT 'garden';
