-- error at 2:57
INSERT INTO customers (_id, tier) VALUES (1, 'gold') ON DUPLICATE KEY UPDATE tier = 'gold';
