-- ordered
SELECT _id, last_name FROM customers ORDER BY last_name, _id;
