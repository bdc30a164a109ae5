SELECT _id, substring(last_name FROM 2 FOR 3) AS mid, substring(last_name FROM 3) AS rest, substring(email FOR 4) AS head
FROM customers;
