-- ordered
CREATE TABLE latest_orders (customer_id int PRIMARY KEY, order_id int, amount numeric);
INSERT INTO latest_orders
WITH ranked AS (SELECT customer_id, _id, amount, row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC NULLS LAST, _id DESC) AS rn FROM orders WHERE customer_id IS NOT NULL)
SELECT customer_id, _id, amount FROM ranked WHERE rn = 1;
SELECT * FROM latest_orders ORDER BY customer_id;
