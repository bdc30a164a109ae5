-- ordered
SELECT _id FROM orders ORDER BY _id OFFSET 35;
