-- declared tables: customers and orders have only _id in common
SELECT * FROM customers NATURAL JOIN orders WHERE _id < 5;
