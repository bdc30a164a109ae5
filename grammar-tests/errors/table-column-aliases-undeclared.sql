-- error at 4:15
-- no-schema
-- column aliases rename the declared columns in order: an undeclared collection has no order
SELECT a FROM orders AS o(a, b);
