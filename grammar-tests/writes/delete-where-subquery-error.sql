-- error at 5:24
-- a subquery in DELETE's WHERE is refused at its position (it reached the lowering as an internal error);
-- DELETE … USING a table or CTE does it
CREATE TABLE t (id int, v text);
DELETE FROM t WHERE id IN (SELECT customer_id FROM orders);
