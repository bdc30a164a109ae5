SELECT _id, email FROM customers ORDER BY email NULLS FIRST, _id LIMIT 5 OFFSET 2;
