SELECT _id, upper(substring(trim(first_name), 1, 1)) || lower(substring(trim(first_name), 2)) AS name,
       length(replace(email, '.', '')) AS n
FROM customers;
