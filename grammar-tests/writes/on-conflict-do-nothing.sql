-- ordered
CREATE TABLE seen (k int PRIMARY KEY, v text);
INSERT INTO seen VALUES (1, 'first');
INSERT INTO seen VALUES (1, 'again'), (2, 'new'), (2, 'dup in batch') ON CONFLICT (k) DO NOTHING;
INSERT INTO seen VALUES (3, 'x') ON CONFLICT DO NOTHING;
SELECT * FROM seen ORDER BY k;
