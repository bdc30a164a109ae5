SELECT _id, email FROM customers WHERE lower(email) LIKE 'bob@%' OR length(last_name) > 9 OR upper(first_name) = 'EVE';
