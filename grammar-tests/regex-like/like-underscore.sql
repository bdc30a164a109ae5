SELECT _id, sku FROM products WHERE sku LIKE 'W-10_';
