-- error at 3:54
-- a row compared with a subquery's rows by an ordering operator is not supported yet
SELECT _id FROM orders WHERE (customer_id, quantity) < ANY (SELECT customer_id, quantity FROM orders);
