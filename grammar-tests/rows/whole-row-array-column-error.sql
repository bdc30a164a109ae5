-- error at 3:8
-- a row with an array field would print PostgreSQL's {a,b} array syntax, which sqletl does not produce
SELECT c FROM customers c;
