-- NATURAL FULL JOIN with an empty side keeps every row of the other, merged column from it
SELECT * FROM (SELECT _id, customer_id FROM orders WHERE _id > 120) o
NATURAL FULL JOIN (SELECT _id, first_name FROM customers WHERE false) c;
