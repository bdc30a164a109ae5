-- ordered
-- real compares with numeric and double precision in double precision (1.1::real = 1.1 is false),
-- with a quoted literal as real; an IN list of several constants is read as real
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 1.1), (2, 0.5), (3, 16777217), (4, NULL), (5, 0.1);
SELECT id, v = 1.1 AS eq_numeric, v = '1.1' AS eq_text, v = 1.1::float8 AS eq_double, v = 1.1::real AS eq_real,
       v = 16777217 AS eq_int, v < 1.1 AS lt_numeric, v IN (1.1, 0.1) AS in_list, v IN (1.1) AS in_one,
       v > 0.5 AS gt_half, v IS DISTINCT FROM 0.5 AS distinct_half
FROM single_readings ORDER BY id;
