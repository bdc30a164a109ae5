-- a double precision value written into an integer column rounds half to even (PostgreSQL's rint),
-- a numeric one half away from zero, as their casts do
CREATE TABLE rounded (id int, i int, b bigint, s smallint);
INSERT INTO rounded SELECT 1, 2.5::float8, 3.5::float8, -2.5::float8;
INSERT INTO rounded SELECT 2, 2.5::numeric, 3.5::numeric, -2.5::numeric;
INSERT INTO rounded VALUES (3, 0.5::float8, -0.5::float8, 1.5::float8);
INSERT INTO rounded SELECT 10 + _id, amount::float8 * 0.5, quantity::float8 + 0.5, quantity FROM orders WHERE amount IS NOT NULL AND quantity IS NOT NULL;
SELECT * FROM rounded;
