-- error at 4:43
-- postgres-error
-- the alias of JOIN … USING (…) AS x is a name of the FROM level too
SELECT * FROM orders a1 JOIN customers a2 USING (_id) AS a1;
