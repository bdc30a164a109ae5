SELECT _id, customer_id, amount, sum(amount) OVER (PARTITION BY customer_id ORDER BY _id) AS running, avg(amount) OVER (PARTITION BY customer_id ORDER BY _id) AS running_avg FROM orders;
