SELECT _id, substring(first_name, 1, 3) AS a, substr(email, 3, 4) AS b, substring(first_name, 2) AS c, substr(last_name, 2) AS d
FROM customers;
