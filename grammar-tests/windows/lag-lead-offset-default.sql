SELECT _id, quantity, lag(quantity, 2, -1) OVER (ORDER BY _id) AS prev2, lead(quantity, 3, 0) OVER (PARTITION BY status ORDER BY _id) AS next3 FROM orders;
