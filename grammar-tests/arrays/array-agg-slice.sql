SELECT customer_id, (array_agg(amount ORDER BY amount DESC NULLS LAST, _id))[1:2] AS top2 FROM orders GROUP BY customer_id;
