-- ordered
SELECT _id, amount FROM orders ORDER BY amount DESC, _id LIMIT 5 OFFSET 3;
