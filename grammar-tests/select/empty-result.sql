SELECT _id, first_name FROM customers WHERE _id > 1000;
