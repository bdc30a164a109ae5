CREATE TABLE items (id int PRIMARY KEY, code varchar(3) NOT NULL, grade char(2), qty smallint CHECK (qty >= 0), price numeric(6, 2));
INSERT INTO items VALUES (1, 'a', 'x', 1, 1.5), (2, 'b', 'y', 2, 2.5), (3, 'c', 'z', 3, 3.5), (4, 'd', NULL, 4, NULL);
MERGE INTO items i USING (SELECT * FROM (VALUES (1, 'abc  ', 'p', 10, 9.999), (2, 'bb', NULL, 20, 1.125), (3, 'cccc', 'q', 1, 1), (4, 'dd', 'r', 40000, 1), (5, 'e ', 's', 5, 5.555), (6, NULL, 't', 6, 6), (7, 'g', 'u', -7, 7)) AS w(id, code, grade, qty, price) WHERE id NOT IN (3, 4, 6, 7)) AS v(id, code, grade, qty, price)
ON v.id = i.id
WHEN MATCHED THEN UPDATE SET code = v.code, grade = v.grade, qty = i.qty + v.qty, price = v.price
WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.code, v.grade, v.qty, v.price);
SELECT id, code, length(code) AS n, grade, qty, price FROM items ORDER BY id;
