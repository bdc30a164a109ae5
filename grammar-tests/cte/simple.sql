WITH big AS (SELECT * FROM orders WHERE amount > 100)
SELECT _id, amount, status FROM big;
