-- error at 4:8
-- sum(real) adds in single precision, rounding after each row in the order rows arrive: refused
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
SELECT sum(v) FROM single_readings;
