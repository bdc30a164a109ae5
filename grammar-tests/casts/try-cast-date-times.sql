-- try_cast to date/timestamp reads the time of day as PostgreSQL does: second 60 is the next minute, 24:00:00 the next day (a date keeps its day), hour 25 or minute 60 is no time, a fraction rounds to microseconds (sqletl holds milliseconds)
CREATE TABLE stamps (id int PRIMARY KEY, v text);
INSERT INTO stamps VALUES (1, '2024-01-05 10:30:00.1239'), (2, '2024-01-05 10:30:00.1'), (3, '2024-01-05 9:30'), (4, '2024-01-05 25:30'),
  (5, '2024-01-05 10:61'), (6, '2024-01-05 10:30:60'), (7, '2024-01-05 24:00:00'), (8, '2024-12-31 23:59:60'), (9, '2024-01-05 24:00:01'),
  (10, '2024-02-29T08:00'), (11, ' 2024-01-05 07:05:09 '), (12, '2023-02-29 10:00'), (13, '2024-01-05 10:30:59.9999996'), (14, NULL), (15, '2024-1-5 0:00');
SELECT id, v, try_cast(v AS timestamp) AS ts, try_cast(v AS date) AS d FROM stamps ORDER BY id;
SELECT id, try_cast(v AS date) AS d, try_cast(v AS timestamp) AS ts FROM (VALUES (1, '0000-01-01'), (2, 'N/A'), (3, '9999-12-31 23:59:59'), (4, '2024-00-10'), (5, '2024-13-01 10:00')) AS t(id, v) ORDER BY id;
