-- error at 9:1
-- postgres-error
-- with sqletl.on_error = stop, a value beyond its smallint column in UPDATE … FROM fails the statement with PostgreSQL's message, before anything is written
SET sqletl.on_error = 'stop';
CREATE TABLE stock (id int PRIMARY KEY, qty smallint);
CREATE TABLE deliveries (id int, n int);
INSERT INTO stock VALUES (1, 10), (2, 20);
INSERT INTO deliveries VALUES (1, 5), (2, 40000);
UPDATE stock SET qty = stock.qty + d.n FROM deliveries d WHERE d.id = stock.id;
