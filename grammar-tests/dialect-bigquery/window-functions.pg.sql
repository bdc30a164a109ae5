SELECT _id, customer_id,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY discount NULLS FIRST, _id) AS rn,
       AVG(amount) OVER (PARTITION BY customer_id) AS avg_amount,
       LEAD(status) OVER (ORDER BY _id) AS next_status
FROM orders;
