-- ISNULL, IIF, LEN (trailing spaces not counted), CHARINDEX, string + concatenation
SELECT _id,
       ISNULL(email, 'n/a') AS email,
       IIF(tier = 'gold', 'yes', 'no') AS is_gold,
       LEN(first_name + '  ') AS name_length,
       CHARINDEX('a', first_name) AS first_a,
       first_name + ' ' + ISNULL(last_name, '?') AS full_name
FROM customers;
