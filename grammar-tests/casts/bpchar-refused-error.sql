-- error at 3:20
-- bpchar without a length keeps each value's trailing blanks as written: refused (character(n) is computed)
SELECT first_name::bpchar || '|' AS padded FROM customers;
