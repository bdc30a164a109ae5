CREATE TABLE big_orders (id INT PRIMARY KEY, customer_id INT NOT NULL, amount NUMERIC(10, 2), label TEXT);
INSERT INTO big_orders (id, customer_id, amount, label) SELECT _id, customer_id, amount, 'big' FROM orders WHERE amount > 50;
UPDATE big_orders SET label = 'huge' WHERE amount > 200;
DELETE FROM big_orders WHERE customer_id = 1;
SELECT id, customer_id, amount, label FROM big_orders;
