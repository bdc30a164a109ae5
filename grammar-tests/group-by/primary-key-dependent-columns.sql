-- grouped by a table's PRIMARY KEY, its other columns may be read ungrouped (PostgreSQL's functional dependency)
CREATE TABLE cust (id int PRIMARY KEY, name text, city text);
INSERT INTO cust SELECT _id, first_name, tier FROM customers;
SELECT c.id, c.name, c.city, count(o._id) AS n, sum(o.amount) AS total,
       (SELECT count(*) FROM orders p WHERE p.customer_id = c.id AND c.city IS NOT NULL) AS in_city
FROM cust c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id
HAVING c.name IS NOT NULL OR count(*) > 0
ORDER BY c.city NULLS FIRST, c.id;
