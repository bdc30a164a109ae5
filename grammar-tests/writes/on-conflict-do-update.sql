-- ordered
CREATE TABLE stock (sku text PRIMARY KEY, qty int, updated int);
INSERT INTO stock VALUES ('a', 1, 0), ('b', 2, 0), ('c', 3, 0);
INSERT INTO stock (sku, qty, updated) VALUES ('a', 10, 1), ('d', 4, 1), ('c', 30, 1)
ON CONFLICT (sku) DO UPDATE SET qty = stock.qty + EXCLUDED.qty, updated = EXCLUDED.updated WHERE stock.sku <> 'c';
SELECT * FROM stock ORDER BY sku;
