-- ordered
-- time ± interval wraps around midnight (only the interval's time moves it: its days
-- and months do not), time − time is an interval of hours (24:00:00 − 00:00:00 is
-- 24:00:00, not 1 day), date + time and date − time are timestamps; NULLs stay NULL
CREATE TABLE clock (id int, t time, d date);
INSERT INTO clock VALUES (1, '00:00', '2024-02-28'), (2, '23:30', '2024-02-29'), (3, '24:00', '2024-12-31'),
  (4, '12:00:00.5', '2024-01-01'), (5, NULL, '2024-01-01'), (6, '06:15', NULL);
SELECT id,
  t + interval '1 hour' AS plus_hour,
  t - interval '30 minutes' AS minus_half_hour,
  t + interval '1 day 2 hours' AS plus_day_ignored,
  t + interval '1 mon' AS plus_month_ignored,
  t - interval '25 hours' AS minus_25h,
  interval '45 minutes' + t AS interval_first,
  t + '00:00:01.25' AS plus_untyped,
  t - time '12:00' AS since_noon,
  t - '06:15' AS untyped_time,
  time '24:00' - t AS until_end,
  d + t AS at,
  t + d AS at_reversed,
  d - t AS before
FROM clock ORDER BY id;
