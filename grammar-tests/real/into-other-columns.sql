-- ordered
-- a real written into integer and double precision columns: rounded half to even (rint), and exactly (the single's double)
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 2.5), (2, 3.5), (3, -2.5), (4, 1.1), (5, NULL), (6, 16777217);
CREATE TABLE copies (id int PRIMARY KEY, i int, d double precision);
INSERT INTO copies SELECT id, v, v FROM single_readings;
SELECT id, i, d FROM copies ORDER BY id;
