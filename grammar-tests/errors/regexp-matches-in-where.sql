-- error at 3:33
-- a set-returning function is a FROM item or a select-list item, not a value in WHERE
SELECT _id FROM customers WHERE regexp_matches(email, 'a') IS NOT NULL;
