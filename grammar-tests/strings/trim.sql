SELECT _id, trim(first_name) AS t, ltrim(first_name) AS l, rtrim(first_name) AS r, length(trim(first_name)) AS n
FROM customers WHERE _id IN (1, 17, 28);
