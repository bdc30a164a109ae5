-- error at 3:22
-- the type time with time zone is not supported (time without time zone is: grammar-tests/time)
SELECT _id, '12:30'::timetz FROM orders;
