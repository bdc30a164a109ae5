-- error at 3:15
-- column aliases on a table (orders AS o(a, b)): not supported yet
SELECT a FROM orders AS o(a, b);
