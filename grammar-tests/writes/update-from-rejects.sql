-- ordered
-- UPDATE … FROM conforms its values as UPDATE does: a row whose new value is too long, beyond its smallint column or against a CHECK is a reject and keeps its old values; the others are updated (varchar(n) blanks past n cut). PostgreSQL fails the statement instead: its spelling leaves out the rejected rows (ids 2, 3, 4)
CREATE TABLE stock (id int PRIMARY KEY, label varchar(4), qty smallint CHECK (qty < 1000));
CREATE TABLE deliveries (id int, label text, n int);
INSERT INTO stock VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30), (4, 'd', 40), (5, 'e', 50);
INSERT INTO deliveries VALUES (1, 'aa    ', 5), (2, 'bbbbb', 1), (3, 'c', 40000), (4, 'd', 960), (5, NULL, -50), (6, 'f', 1);
UPDATE stock SET label = d.label, qty = stock.qty + d.n FROM deliveries d WHERE d.id = stock.id;
SELECT id, label, length(label) AS n, qty FROM stock ORDER BY id;
