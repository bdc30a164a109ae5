-- error at 4:8
-- postgres-error
-- an aliased join hides the tables inside it (PostgreSQL: invalid reference to FROM-clause entry)
SELECT c.first_name FROM (customers c JOIN orders o ON o.customer_id = c._id) AS j;
