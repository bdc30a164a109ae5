-- ordered
CREATE TABLE cust (id int PRIMARY KEY, total numeric, orders int);
INSERT INTO cust SELECT _id, 0, 0 FROM customers;
UPDATE cust SET total = t.s, orders = t.n FROM (SELECT customer_id, sum(amount) AS s, count(*) AS n FROM orders GROUP BY customer_id) t WHERE t.customer_id = cust.id;
SELECT * FROM cust ORDER BY id;
