-- window functions; T-SQL sorts NULLs first, so the PostgreSQL spelling says NULLS FIRST
SELECT _id, customer_id,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at, _id) AS rn,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY _id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
       RANK() OVER (ORDER BY discount DESC) AS discount_rank
FROM orders;
