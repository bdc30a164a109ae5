-- ordered
SELECT _id, first_name FROM customers ORDER BY _id LIMIT 5;
