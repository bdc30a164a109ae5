SELECT _id, CASE WHEN quantity > 3 THEN amount ELSE quantity END AS v FROM orders;
