-- error at 3:13
-- to_char of a number is not supported yet
SELECT _id, to_char(amount, '9999.99') FROM orders;
