-- error at 5:14
-- postgres-error
CREATE TABLE readings (id int PRIMARY KEY, v real);
INSERT INTO readings VALUES (1, 1e-30);
SELECT id, v * v AS sq FROM readings;
