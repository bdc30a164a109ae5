-- no-schema
SELECT _id, lower(first_name) AS f, length(last_name) AS n, substring(email, 1, 3) AS s, concat(first_name, '!') AS c
FROM customers;
