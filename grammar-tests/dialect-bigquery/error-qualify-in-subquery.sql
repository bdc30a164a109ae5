-- error at 2:52
SELECT * FROM (SELECT _id, customer_id FROM orders QUALIFY ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY _id) = 1);
