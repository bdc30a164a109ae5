SELECT _id, amount FROM orders ORDER BY _id LIMIT 3 OFFSET 5;
