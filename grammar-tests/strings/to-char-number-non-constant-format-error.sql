-- error at 3:24
-- the template must be a constant: it is compiled with the query
SELECT to_char(amount, status) FROM orders;
