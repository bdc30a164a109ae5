-- ordered
SELECT _id, amount FROM orders ORDER BY amount * quantity, _id;
