-- error at 4:8
-- COALESCE of character(4) and a quoted constant is character of no length in PostgreSQL: the
-- value keeps its padding and the shorter constant none, which sqletl does not hold
SELECT COALESCE(CAST(first_name AS char(4)), 'no') AS c FROM customers;
