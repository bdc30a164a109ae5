SELECT count(*) FROM products WHERE true AND 1 = 1;
