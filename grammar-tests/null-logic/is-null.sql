-- a missing field is NULL; an empty string is not
SELECT _id, email FROM customers WHERE email IS NULL;
