-- ordered
-- MERGE with subqueries in WHEN conditions, UPDATE SET and INSERT values: correlated with the source and with the target, uncorrelated, and reading the target as it was before the statement
CREATE TABLE inv (sku text PRIMARY KEY, qty int, note text);
CREATE TABLE moves (sku text, n int);
INSERT INTO inv VALUES ('a', 1, NULL), ('b', 2, NULL), ('c', 3, NULL), ('f', 9, NULL);
INSERT INTO moves VALUES ('a', 5), ('a', 1), ('b', -2), ('d', 4), ('e', 0), ('c', 1), ('f', 1);
MERGE INTO inv i USING (SELECT sku, sum(n) AS n FROM moves GROUP BY sku) AS m ON m.sku = i.sku
WHEN MATCHED AND i.qty + m.n <= 0 AND NOT EXISTS (SELECT 1 FROM moves x WHERE x.sku = i.sku AND x.n > 0) THEN DELETE
WHEN MATCHED AND m.n > (SELECT avg(qty) FROM inv) THEN UPDATE SET qty = i.qty + m.n, note = (SELECT max(sku) FROM inv WHERE qty < i.qty)
WHEN MATCHED AND i.qty IN (SELECT qty FROM inv WHERE qty > 5) THEN UPDATE SET note = 'big'
WHEN MATCHED THEN UPDATE SET note = 'small'
WHEN NOT MATCHED AND m.n > 0 THEN INSERT VALUES (m.sku, m.n, (SELECT max(sku) FROM inv))
WHEN NOT MATCHED THEN INSERT (sku, qty) VALUES (m.sku, (SELECT count(*) FROM moves WHERE moves.sku = m.sku));
SELECT * FROM inv ORDER BY sku;
