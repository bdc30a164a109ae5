-- an unaliased window function is named after the function, as in PostgreSQL
SELECT _id, amount, row_number() OVER (ORDER BY amount, _id) FROM orders;
