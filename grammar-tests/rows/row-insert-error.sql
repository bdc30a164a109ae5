-- error at 3:30
-- a row value written into a collection would be stored as its text, not as a composite
CREATE TABLE pairs AS SELECT (customer_id, quantity) AS p FROM orders;
