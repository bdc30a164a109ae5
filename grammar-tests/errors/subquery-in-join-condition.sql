-- error at 3:77
SELECT c._id, o._id AS order_id
FROM customers c LEFT JOIN orders o ON o.customer_id = c._id AND o.amount > (SELECT avg(amount) FROM orders);
