-- error at 3:43
-- postgres-error
SELECT * FROM customers c JOIN products p USING (_id, sku);
