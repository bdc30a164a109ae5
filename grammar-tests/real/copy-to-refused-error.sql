-- error at 3:1
CREATE TABLE readings (id int PRIMARY KEY, v real);
COPY (SELECT id, v FROM readings) TO STDOUT;
