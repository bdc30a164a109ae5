-- MySQL's upsert: ON DUPLICATE KEY UPDATE on the primary key, VALUES(col) is the proposed row
CREATE TABLE customer_stats (customer_id INT PRIMARY KEY, orders INT, total DECIMAL(12, 2));
INSERT INTO customer_stats (customer_id, orders, total)
SELECT customer_id, COUNT(*), SUM(amount) FROM orders WHERE _id < 115 AND customer_id IS NOT NULL GROUP BY customer_id;
INSERT INTO customer_stats (customer_id, orders, total)
SELECT customer_id, COUNT(*), SUM(amount) FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id
ON DUPLICATE KEY UPDATE orders = VALUES(orders), total = VALUES(total);
SELECT customer_id, orders, total FROM customer_stats;
