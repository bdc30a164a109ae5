-- ordered
SELECT * FROM orders ORDER BY _id;
