-- ordered
-- EXTRACT and date_part of a time: hour (24 at 24:00:00), minute, second with its
-- fraction, milliseconds, microseconds, epoch (seconds since midnight); NULL stays NULL
CREATE TABLE marks (id int, t time);
INSERT INTO marks VALUES (1, '00:00'), (2, '13:45:07.25'), (3, '24:00'), (4, '23:59:59.999999'), (5, NULL);
SELECT id,
  extract(hour FROM t) AS h,
  extract(minute FROM t) AS m,
  extract(second FROM t) AS s,
  extract(milliseconds FROM t) AS ms,
  extract(microseconds FROM t) AS us,
  extract(epoch FROM t) AS epoch,
  date_part('second', t) AS dp_second,
  date_part('hour', t) AS dp_hour
FROM marks ORDER BY id;
