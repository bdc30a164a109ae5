CREATE TABLE stock (sku TEXT PRIMARY KEY, qty INT NOT NULL);
INSERT INTO stock VALUES ('a', 5), ('b', 0), ('c', 12);
UPDATE stock SET qty = qty - 1 WHERE qty > 0;
DELETE FROM stock WHERE qty = 0;
SELECT sku, qty FROM stock;
