-- ordered
SELECT _id, first_name FROM customers ORDER BY first_name DESC;
