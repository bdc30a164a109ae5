-- error
-- postgres-error
-- the dependency holds for the grouped table only: orders' columns still need GROUP BY
CREATE TABLE cust (id int PRIMARY KEY, first_name text);
INSERT INTO cust SELECT _id, first_name FROM customers;
SELECT c.id, c.first_name, o.status FROM cust c JOIN orders o ON o.customer_id = c.id GROUP BY c.id;
