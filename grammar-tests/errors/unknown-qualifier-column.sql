-- error at 2:8
SELECT x.first_name FROM customers AS c;
