-- dbo. schema names, DATETRUNC, LOG (natural), GETDATE, RIGHT JOIN to a derived table
SELECT c._id, DATETRUNC(month, c.registered_at) AS reg_month, LOG(o.n + 1) AS ln_n, o.n
FROM dbo.customers AS c
RIGHT JOIN (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) AS o ON o.customer_id = c._id
WHERE c.registered_at < GETDATE() OR c._id IS NULL;
