-- error
-- postgres-error
-- the ESCAPE string is empty or one character (PostgreSQL's own error)
SELECT name SIMILAR TO 'a%' ESCAPE 'ab' AS s FROM products;
