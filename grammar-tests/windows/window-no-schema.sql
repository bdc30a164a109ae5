-- no-schema
SELECT _id, row_number() OVER (PARTITION BY customer_id ORDER BY _id) AS rn, sum(quantity) OVER (PARTITION BY customer_id ORDER BY _id) AS running FROM orders;
