-- ordered
SELECT _id, amount FROM orders ORDER BY amount, _id;
