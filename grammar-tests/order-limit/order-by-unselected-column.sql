-- ordered
SELECT first_name FROM customers ORDER BY registered_at DESC NULLS LAST;
