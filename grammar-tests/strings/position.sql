SELECT _id, position('@' IN email) AS at, position('example' IN email) AS ex, strpos(email, '.') AS dot,
       position('' IN email) AS empty
FROM customers;
