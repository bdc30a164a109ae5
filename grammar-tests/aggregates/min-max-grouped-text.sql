SELECT category, min(name), max(sku) FROM products GROUP BY category;
