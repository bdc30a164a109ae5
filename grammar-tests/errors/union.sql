-- error at 4:1
-- set operations are not supported yet
SELECT _id FROM customers
UNION
SELECT customer_id FROM orders;
