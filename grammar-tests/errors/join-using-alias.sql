-- error at 3:45
-- USING (…) AS x names the merged columns: not supported yet
SELECT x._id FROM orders o JOIN customers c USING (_id) AS x;
