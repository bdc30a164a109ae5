-- NOT LIKE on NULL is NULL
SELECT _id, note FROM orders WHERE note NOT LIKE '$%';
