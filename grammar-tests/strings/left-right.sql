SELECT _id, left(last_name, 3) AS l3, right(last_name, 2) AS r2, left(last_name, -2) AS lm2, right(last_name, -3) AS rm3,
       left(last_name, 0) AS l0
FROM customers;
