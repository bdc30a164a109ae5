-- error at 4:21
-- joins are not supported yet
SELECT c._id, o.amount
FROM customers AS c JOIN orders AS o ON o.customer_id = c._id;
