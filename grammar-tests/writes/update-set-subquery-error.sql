-- error at 4:18
-- a scalar subquery in UPDATE … SET is refused at its position (it reached the lowering as an internal error)
CREATE TABLE t (id int, v text);
UPDATE t SET v = (SELECT max(status) FROM orders) WHERE id = 1;
