SELECT _id, amount, lag(amount) OVER (ORDER BY _id) AS prev, lead(amount) OVER (ORDER BY _id) AS next FROM orders;
