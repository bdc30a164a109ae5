-- ordered
-- min, max and avg of real over windows: min and max are real, avg double precision over the singles
CREATE TABLE single_readings (id int PRIMARY KEY, g text, v real);
INSERT INTO single_readings VALUES (1, 'a', 1.1), (2, 'a', 2.2), (3, 'a', NULL), (4, 'b', 0.1), (5, 'b', 0.3), (6, 'a', 1.1);
SELECT id, v, min(v) OVER w AS mn, max(v) OVER w AS mx, avg(v) OVER w AS av, lag(v) OVER w AS prev, first_value(v) OVER w AS first
FROM single_readings WINDOW w AS (PARTITION BY g ORDER BY id) ORDER BY id;
