-- ordered
-- a real column holds singles: INSERT rounds numbers, integers past 2^24 and text to the nearest one
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 1.1), (2, 0.1), (3, 16777217), (4, NULL), (5, '2.675'), (6, -0.0001), (7, 3.4e38), (8, 1e-45), (9, 123456789);
INSERT INTO single_readings SELECT _id + 100, score FROM measures WHERE _id < 7;
SELECT id, v, v::float8 AS exact, v * 2 AS double_times_two FROM single_readings ORDER BY id;
