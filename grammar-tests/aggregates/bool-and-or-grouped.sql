SELECT category, bool_and(active) AS all_active, bool_or(active) AS any_active, every(price > 10) AS all_over_10
FROM products GROUP BY category;
