-- error at 3:54
-- (a, b) IN (SELECT …) is not supported yet
SELECT _id FROM orders WHERE (customer_id, quantity) IN (SELECT customer_id, quantity FROM orders);
