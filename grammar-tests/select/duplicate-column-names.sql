SELECT first_name, first_name, upper(first_name), upper(last_name), _id AS first_name FROM customers;
