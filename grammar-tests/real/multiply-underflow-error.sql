-- error at 5:14
-- postgres-error
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 1e-30);
SELECT id, v * v AS sq FROM single_readings;
