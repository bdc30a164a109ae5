-- error at 5:30
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 1.1);
CREATE TABLE notes (id int PRIMARY KEY, t text);
INSERT INTO notes SELECT id, v FROM single_readings;
