-- ordered
SELECT _id, amount * quantity AS total FROM orders ORDER BY total DESC, _id;
