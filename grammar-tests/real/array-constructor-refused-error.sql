-- error at 3:12
CREATE TABLE readings (id int PRIMARY KEY, v real);
SELECT id, ARRAY[v, 1.5::real] FROM readings;
