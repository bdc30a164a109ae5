-- error
-- a recursive query in a statement that writes is not supported: refused at the WITH item
CREATE TABLE counted (n int);
INSERT INTO counted
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3)
SELECT n FROM t;
