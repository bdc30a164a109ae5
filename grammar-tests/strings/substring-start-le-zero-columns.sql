SELECT _id, substring(first_name, 0, 3) AS z, substring(last_name FROM -1 FOR 4) AS m FROM customers;
