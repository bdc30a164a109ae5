-- comment markers inside string literals are data
SELECT _id, '-- not a comment' AS a, '/* nor this */' AS b, first_name
FROM customers /* a real
comment */ WHERE _id IN (1, 2, 3);
