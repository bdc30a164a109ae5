-- NOT (NULL) is NULL, so rows with a NULL status are not returned
SELECT _id, status FROM orders WHERE NOT (status = 'shipped');
