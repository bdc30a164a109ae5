-- MERGE from a table without aliases: the tables' own names qualify the columns
CREATE TABLE tiers (id INT PRIMARY KEY, tier VARCHAR);
CREATE TABLE src (id INT PRIMARY KEY, tier VARCHAR);
INSERT INTO tiers VALUES (1, 'a'), (2, 'b');
INSERT INTO src VALUES (2, 'B'), (3, 'C');
MERGE INTO tiers USING src ON tiers.id = src.id
WHEN MATCHED THEN UPDATE SET tier = src.tier
WHEN NOT MATCHED THEN INSERT (id, tier) VALUES (src.id, src.tier);
SELECT id, tier FROM tiers;
