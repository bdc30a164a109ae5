-- a chain of joins USING the same column: each join reads the merged column of the joins
-- before it (FULL joins: the first non-NULL of the sides)
SELECT 'full' AS k, _id, o.amount, c.first_name, p.sku
FROM orders o FULL JOIN customers c USING (_id) FULL JOIN products p USING (_id)
UNION ALL
SELECT 'left', _id, o.amount, c.first_name, p.sku
FROM customers c LEFT JOIN orders o USING (_id) LEFT JOIN products p USING (_id);
