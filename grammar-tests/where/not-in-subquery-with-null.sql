-- orders has a NULL customer_id, so NOT IN (subquery) is never true
SELECT count(*) AS n FROM customers WHERE _id NOT IN (SELECT customer_id FROM orders);
