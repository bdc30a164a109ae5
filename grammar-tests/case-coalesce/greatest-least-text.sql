SELECT _id, greatest(first_name, last_name) AS g, least(first_name, last_name, 'M') AS l FROM customers;
