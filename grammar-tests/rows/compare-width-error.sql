-- error
-- postgres-error
-- rows of different widths cannot be compared
SELECT (customer_id, quantity) < (1, 2, 3) FROM orders;
