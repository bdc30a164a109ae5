-- MERGE (BigQuery: INTO optional, IF and IFNULL in the actions)
CREATE TABLE tiers (id INT64, tier STRING, visits INT64);
INSERT INTO tiers (id, tier, visits) VALUES (1, 'none', 0), (2, 'none', 0), (3, 'none', 7), (99, 'gone', 0);
MERGE tiers AS t
USING (SELECT _id, tier FROM customers WHERE _id <= 6) AS s
ON t.id = s._id
WHEN MATCHED AND s.tier = 'gold' THEN UPDATE SET tier = s.tier, visits = IF(t.visits > 0, t.visits + 1, 1)
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED THEN INSERT (id, tier, visits) VALUES (s._id, IFNULL(s.tier, '?'), 0);
SELECT id, tier, visits FROM tiers;
