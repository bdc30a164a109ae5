-- ordered
-- a leading WITH whose CTE a subquery in DELETE's WHERE reads
CREATE TABLE items (id int PRIMARY KEY, grp int);
INSERT INTO items VALUES (1, 1), (2, 1), (3, 2), (4, NULL);
WITH gone AS (SELECT grp FROM items WHERE id = 3) DELETE FROM items WHERE grp IN (SELECT grp FROM gone) OR grp IS NULL;
SELECT * FROM items ORDER BY id;
