CREATE TABLE tiers (id BIGINT, tier TEXT, visits BIGINT);
INSERT INTO tiers VALUES (1, 'none', 0), (2, 'none', 0), (3, 'none', 7), (99, 'gone', 0);
MERGE INTO tiers AS t
USING (SELECT _id, tier FROM customers WHERE _id <= 6) AS s
ON t.id = s._id
WHEN MATCHED AND s.tier = 'gold' THEN UPDATE SET tier = s.tier, visits = CASE WHEN t.visits > 0 THEN t.visits + 1 ELSE 1 END
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED THEN INSERT (id, tier, visits) VALUES (s._id, coalesce(s.tier, '?'), 0);
SELECT id, tier, visits FROM tiers;
