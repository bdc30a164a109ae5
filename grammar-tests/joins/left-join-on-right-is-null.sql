-- IS NULL on the joined table in a LEFT JOIN's ON: only orders without a status can
-- match; a customer with none keeps one row of NULLs (duplicates: customer 7 has one
-- such order, 9 has one with the status missing)
SELECT c._id, o._id AS order_id
FROM customers c LEFT JOIN orders o ON o.customer_id = c._id AND o.status IS NULL
WHERE c._id BETWEEN 5 AND 10
ORDER BY 1, 2;
