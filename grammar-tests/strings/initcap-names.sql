SELECT _id, initcap(last_name) AS l, initcap(first_name) AS f, initcap(email) AS e FROM customers;
