-- error at 2:34
CREATE TABLE codes (id int, code character(3));
SELECT 1 AS one;
