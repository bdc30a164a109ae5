-- ordered
CREATE TABLE customer_totals (customer_id int PRIMARY KEY, orders int, total numeric, last_order timestamptz);
INSERT INTO customer_totals (customer_id, orders, total, last_order)
SELECT customer_id, count(*), sum(amount), max(ordered_at) FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id;
SELECT * FROM customer_totals ORDER BY customer_id;
