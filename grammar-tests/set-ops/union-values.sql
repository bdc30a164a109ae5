SELECT * FROM (VALUES (1, 'a')) v(x, y) UNION ALL SELECT _id, sku FROM products WHERE _id <= 2;
