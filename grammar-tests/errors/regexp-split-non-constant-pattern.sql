-- error at 3:42
-- a pattern that differs per row is not translated (the regex is compiled once)
SELECT _id, regexp_split_to_array(email, first_name) FROM customers;
