-- error
-- postgres-error
-- a row compared with a subquery that returns two rows is PostgreSQL's error
SELECT _id, (customer_id, quantity) = (SELECT customer_id, quantity FROM orders o WHERE o.customer_id = 1) AS eq FROM orders;
