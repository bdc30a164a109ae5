-- ordered
CREATE TABLE inventory (sku text PRIMARY KEY, qty int, price numeric);
INSERT INTO inventory VALUES ('W-100', 5, 10), ('B-200', 0, 20), ('T-300', 7, 30), ('X-999', 1, 1);
MERGE INTO inventory AS i
USING (SELECT sku, stock, price FROM products WHERE sku IS NOT NULL) AS p ON i.sku = p.sku
WHEN MATCHED AND p.stock = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = i.qty + p.stock, price = p.price
WHEN NOT MATCHED AND p.stock > 10 THEN INSERT (sku, qty, price) VALUES (p.sku, p.stock, p.price)
WHEN NOT MATCHED THEN DO NOTHING;
SELECT * FROM inventory ORDER BY sku;
