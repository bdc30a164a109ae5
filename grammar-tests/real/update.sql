-- ordered
-- UPDATE of a real column: real * real in single precision, real + numeric in double precision rounded back to a single
CREATE TABLE single_readings (id int PRIMARY KEY, v real, w real);
INSERT INTO single_readings VALUES (1, 1.1, 0.1), (2, 0.1, NULL), (3, 16777216, 1), (4, NULL, 2.5);
UPDATE single_readings SET v = v * 3, w = w + 0.1 WHERE id <> 3;
UPDATE single_readings SET v = v + 1 WHERE id = 3;
SELECT id, v, w, v::float8 AS v8, w::float8 AS w8 FROM single_readings ORDER BY id;
