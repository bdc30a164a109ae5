-- regexp_split_to_table in the select list: a row per piece, none for a NULL text
SELECT _id, regexp_split_to_table(email, '[@.]') FROM customers;
