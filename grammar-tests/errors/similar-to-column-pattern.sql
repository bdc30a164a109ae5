-- error at 3:24
-- a SIMILAR TO pattern read from a column is translated at run time by PostgreSQL; sqletl translates constants only
SELECT name SIMILAR TO sku AS s FROM products;
