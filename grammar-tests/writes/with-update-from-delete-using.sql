-- ordered
-- WITH before UPDATE … FROM and DELETE … USING: the CTEs are what FROM/USING read
CREATE TABLE t (id int PRIMARY KEY, v text);
INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
WITH x AS (SELECT 2 AS id, 'B' AS v) UPDATE t SET v = x.v FROM x WHERE t.id = x.id;
WITH gone AS (SELECT 3 AS id UNION ALL SELECT 4) DELETE FROM t USING gone WHERE t.id = gone.id;
SELECT * FROM t ORDER BY id;
