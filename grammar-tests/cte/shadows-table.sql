-- a CTE named like a table hides it in the main query (its own body still reads the table)
WITH orders AS (SELECT * FROM orders WHERE status = 'pending')
SELECT _id, amount FROM orders;
