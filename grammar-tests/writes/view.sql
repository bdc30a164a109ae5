-- ordered
CREATE VIEW big_orders AS SELECT _id, customer_id, amount FROM orders WHERE amount > 100;
SELECT b.customer_id, count(*) AS n, sum(b.amount) AS total FROM big_orders b GROUP BY b.customer_id ORDER BY customer_id;
