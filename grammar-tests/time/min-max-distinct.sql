-- min and max of a time column (midnight, 24:00:00, fractions), DISTINCT, an empty input
CREATE TABLE ticks (id int, t time);
INSERT INTO ticks VALUES (1, '00:00:00.5'), (2, '24:00'), (3, '00:00'), (4, NULL), (5, '12:00'), (6, '12:00:00');
SELECT (SELECT min(t) FROM ticks) AS lo, (SELECT max(t) FROM ticks) AS hi,
  (SELECT count(DISTINCT t) FROM ticks) AS distinct_times,
  (SELECT max(t) FROM ticks WHERE id > 100) AS none;
