-- error at 2:40
INSERT INTO events (_id) VALUES (1) ON DUPLICATE KEY UPDATE _id = 2;
