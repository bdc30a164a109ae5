SELECT string_agg(sku, '|' ORDER BY price DESC NULLS LAST, sku) AS skus FROM products;
