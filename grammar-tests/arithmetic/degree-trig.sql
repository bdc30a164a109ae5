-- the trigonometric functions in degrees: exact at the angles PostgreSQL makes exact
-- (sind(30) is 0.5, tand(45) 1, asind(0.5) 30), negative angles, angles past 360, NULL
CREATE TABLE angles (id int PRIMARY KEY, x double precision);
INSERT INTO angles VALUES (1, 0), (2, 30), (3, 45), (4, 60), (5, 90), (6, 120), (7, 135), (8, 150), (9, 180), (10, 210),
  (11, 225), (12, 240), (13, 270), (14, 300), (15, 315), (16, 330), (17, 360), (18, -30), (19, -90), (20, 390), (21, 1e6),
  (22, 12.5), (23, -400.25), (24, NULL), (25, 720), (26, -180);
SELECT id, x,
  sind(x) AS s, sind(x) IN (-1, -0.5, 0, 0.5, 1) AS s_exact,
  cosd(x) AS c, cosd(x) IN (-1, -0.5, 0, 0.5, 1) AS c_exact,
  tand(x) AS t, tand(x) IN ('-Infinity'::float8, -1, 0, 1, 'Infinity'::float8) AS t_exact,
  cotd(x) AS ct, cotd(x) IN ('-Infinity'::float8, -1, 0, 1, 'Infinity'::float8) AS ct_exact
FROM angles ORDER BY id;
