-- regexp_matches in the select list: a row per match, none for a NULL or no match
SELECT _id, regexp_matches(email, '([a-z])([a-z])?@', 'g') AS m FROM customers;
