-- ordered
CREATE TABLE ord2 (id int PRIMARY KEY, status text);
INSERT INTO ord2 SELECT _id, status FROM orders;
DELETE FROM ord2 USING orders o WHERE o.status = ord2.status AND o.amount > 200;
SELECT * FROM ord2 ORDER BY id;
