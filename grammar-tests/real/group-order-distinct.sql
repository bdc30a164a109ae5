-- ordered
-- grouping, DISTINCT and ORDER BY over real values: 1.1 from a numeric and from text are the same single
CREATE TABLE single_readings (id int PRIMARY KEY, v real);
INSERT INTO single_readings VALUES (1, 1.1), (2, '1.1'), (3, 1.10000002), (4, 0.1), (5, NULL), (6, -0.0), (7, 0), (8, 16777216), (9, 16777217);
SELECT v, count(*) AS n, min(id) AS first_id FROM single_readings GROUP BY v ORDER BY v NULLS FIRST;
