SELECT _id, first_name FROM customers WHERE first_name LIKE '_a%' OR first_name LIKE '%n%';
