SELECT _id, lpad(sku, 8, '*') AS lp, rpad(sku, 7, '.') AS rp, reverse(sku) AS rev, repeat('ab', stock % 3) AS rep, lpad(sku, 3) AS cut
FROM products;
