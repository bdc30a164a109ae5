-- error at 3:53
-- character(n) = ANY (array): PostgreSQL reads the array as character[] (blanks ignored); refused
SELECT _id FROM customers WHERE first_name::char(8) = ANY (ARRAY['Ann', 'Bob']);
