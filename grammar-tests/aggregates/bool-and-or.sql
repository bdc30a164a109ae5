SELECT bool_and(active) AS all_active, bool_or(active) AS any_active, bool_and(stock > 0) AS all_stocked FROM products;
