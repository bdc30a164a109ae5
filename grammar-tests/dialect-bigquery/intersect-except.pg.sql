SELECT category FROM products WHERE price > 20
INTERSECT
SELECT category FROM products WHERE active
EXCEPT
SELECT 'garden';
