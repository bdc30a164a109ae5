-- error at 3:43
-- postgres-error
SELECT _id FROM orders FETCH FIRST 2 ROWS WITH TIES;
