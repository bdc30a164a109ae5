SELECT customer_id, json_agg(_id ORDER BY _id) AS ids FROM orders GROUP BY customer_id;
