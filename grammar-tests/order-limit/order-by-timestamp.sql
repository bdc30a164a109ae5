-- ordered
SELECT _id, registered_at FROM customers ORDER BY registered_at DESC;
