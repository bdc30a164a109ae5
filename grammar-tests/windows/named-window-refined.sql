SELECT _id, sum(quantity) OVER (p ORDER BY _id) AS running, count(*) OVER p AS n FROM orders WINDOW p AS (PARTITION BY customer_id);
