SELECT _id, quantity % 3 AS r3, mod(quantity, 4) AS r4, _id % 7 AS id7 FROM orders;
