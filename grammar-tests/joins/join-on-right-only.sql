-- an inner join whose ON reads only the joined table: every customer with each
-- order that passes it (NULL amounts and statuses never do)
SELECT c._id, o._id AS order_id
FROM customers c JOIN orders o ON o.amount > 400 OR o.status IS NULL
WHERE c._id < 4
ORDER BY 1, 2;
