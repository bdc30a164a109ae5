-- the same input column in GROUP BY and in ROLLUP is one key (PostgreSQL: one target
-- entry), so the rows the ROLLUP adds keep it
SELECT customer_id, count(*) AS n FROM orders WHERE _id < 112 GROUP BY customer_id, ROLLUP(customer_id);
