SELECT _id, amount, round(amount) AS r0, round(amount, 1) AS r1 FROM orders;
