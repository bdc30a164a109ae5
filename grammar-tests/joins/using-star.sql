SELECT * FROM (SELECT _id AS k, first_name FROM customers WHERE _id < 6) a JOIN (SELECT customer_id AS k, amount FROM orders) b USING (k);
