-- ordered
-- a leading WITH belongs to the INSERT: FROM t reads the CTE t, the target t is the table
CREATE TABLE t (id int, v text);
INSERT INTO t VALUES (1, 'table');
WITH t AS (SELECT 2 AS id, 'cte' AS v) INSERT INTO t SELECT * FROM t;
WITH src AS (SELECT _id + 100 AS id, first_name AS v FROM customers WHERE _id <= 2) INSERT INTO t (id, v) SELECT id, v FROM src;
SELECT * FROM t ORDER BY id;
