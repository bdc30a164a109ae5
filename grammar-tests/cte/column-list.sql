WITH t(id, amt) AS (SELECT _id, amount FROM orders)
SELECT id, amt FROM t WHERE amt < 10;
