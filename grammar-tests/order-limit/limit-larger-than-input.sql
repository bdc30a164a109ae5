-- ordered
SELECT _id, sku FROM products WHERE category = 'books' ORDER BY sku LIMIT 100;
