SELECT _id, customer_id,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC NULLS LAST, _id) AS rn,
       SUM(quantity) OVER (ORDER BY _id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving_qty,
       NTILE(4) OVER (ORDER BY amount NULLS FIRST, _id) AS quartile
FROM orders;
