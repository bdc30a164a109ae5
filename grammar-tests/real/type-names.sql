-- ordered
-- float4, real and float(1) … float(24) are single precision; float(25) … float(53) double precision
CREATE TABLE single_readings (id int PRIMARY KEY, a float4, b float(24), c float(25), d real);
INSERT INTO single_readings VALUES (1, 1.1, 1.1, 1.1, 1.1), (2, 0.1, 0.1, 0.1, 0.1), (3, NULL, 1e-45, 1e-45, 16777217);
SELECT id, a, b, c, d, a::float8 AS a8, b::float8 AS b8, c::float8 AS c8, CAST(0.1 AS float(10)) AS f10 FROM single_readings ORDER BY id;
