SELECT _id, customer_id,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at NULLS FIRST, _id) AS rn,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY _id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
       RANK() OVER (ORDER BY discount DESC NULLS LAST) AS discount_rank
FROM orders;
