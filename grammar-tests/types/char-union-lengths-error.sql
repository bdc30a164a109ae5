-- error at 3:43
-- a UNION of character(3) and character(5) keeps each row's own padding in PostgreSQL: refused
SELECT first_name::char(3) FROM customers UNION SELECT last_name::char(5) FROM customers;
