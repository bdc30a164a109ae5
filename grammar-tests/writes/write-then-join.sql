-- ordered
CREATE TABLE vip (customer_id int PRIMARY KEY);
INSERT INTO vip SELECT DISTINCT customer_id FROM orders WHERE amount > 100 AND customer_id IS NOT NULL;
SELECT c._id, c.first_name FROM customers c JOIN vip v ON v.customer_id = c._id ORDER BY c._id;
