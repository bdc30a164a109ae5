-- ordered
CREATE TABLE ord (id int PRIMARY KEY, customer_id int);
INSERT INTO ord SELECT _id, customer_id FROM orders;
DELETE FROM ord USING customers c WHERE c._id = ord.customer_id AND c.tier = 'gold';
SELECT * FROM ord ORDER BY id;
