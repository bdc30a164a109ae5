-- '' is a value, not NULL
SELECT _id, coalesce(email, 'n/a') AS email FROM customers;
