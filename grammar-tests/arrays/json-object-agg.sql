SELECT json_object_agg(sku, stock ORDER BY sku) AS stock_by_sku FROM products WHERE _id < 6;
