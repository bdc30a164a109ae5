-- MERGE with a table source and IFF/NVL in the actions
CREATE TABLE tiers (id INT PRIMARY KEY, tier VARCHAR, visits INT);
INSERT INTO tiers VALUES (1, 'none', 0), (2, 'none', 0), (3, 'none', 7), (99, 'gone', 0);
MERGE INTO tiers t
USING (SELECT _id, tier FROM customers WHERE _id <= 6) s
ON t.id = s._id
WHEN MATCHED AND s.tier = 'gold' THEN UPDATE SET tier = s.tier, visits = IFF(t.visits > 0, t.visits + 1, 1)
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED THEN INSERT (id, tier, visits) VALUES (s._id, NVL(s.tier, '?'), 0);
SELECT id, tier, visits FROM tiers;
