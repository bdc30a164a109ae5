SELECT _id,
       coalesce(email, 'n/a') AS email,
       CASE WHEN tier = 'gold' THEN 'yes' ELSE 'no' END AS is_gold,
       length(rtrim(first_name || '  ')) AS name_length,
       strpos(first_name, 'a') AS first_a,
       first_name || ' ' || coalesce(last_name, '?') AS full_name
FROM customers;
