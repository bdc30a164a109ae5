SELECT _id, power(quantity, 2) AS sq, sqrt(abs(quantity)) AS root FROM orders;
