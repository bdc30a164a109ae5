-- MERGE (T-SQL ends it with ;): update gold customers, delete the other matches, insert the new ones
CREATE TABLE tiers (id INT PRIMARY KEY, tier NVARCHAR(10), visits INT);
INSERT INTO tiers VALUES (1, 'none', 0), (2, 'none', 0), (3, 'none', 7), (99, 'gone', 0);
MERGE INTO tiers AS t
USING (SELECT _id, tier FROM customers WHERE _id <= 6) AS s
ON t.id = s._id
WHEN MATCHED AND s.tier = 'gold' THEN UPDATE SET t.tier = s.tier, visits = IIF(t.visits > 0, t.visits + 1, 1)
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED BY TARGET THEN INSERT (id, tier, visits) VALUES (s._id, ISNULL(s.tier, '?'), 0);
SELECT id, tier, visits FROM tiers;
