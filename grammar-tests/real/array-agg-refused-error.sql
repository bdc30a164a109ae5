-- error at 3:8
CREATE TABLE readings (id int PRIMARY KEY, v real);
SELECT array_agg(v) FROM readings;
