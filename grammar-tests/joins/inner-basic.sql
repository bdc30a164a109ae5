SELECT c._id, o.amount
FROM customers AS c JOIN orders AS o ON o.customer_id = c._id;
