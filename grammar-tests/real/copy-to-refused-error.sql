-- error at 3:1
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
COPY (SELECT id, v FROM single_readings) TO STDOUT;
