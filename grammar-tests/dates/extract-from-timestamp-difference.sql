-- EXTRACT of the parts of a timestamp difference: whole days carried out of the hours,
-- every part with the difference's sign, fractions of a second, no months, zero, NULL
SELECT ts, extract(day from ts - timestamp '2001-01-01 12:00:00') AS days, extract(hour from ts - timestamp '2001-01-01 12:00:00') AS hours,
       extract(minute from ts - timestamp '2001-01-01 12:00:00') AS minutes, extract(second from ts - timestamp '2001-01-01 12:00:00') AS seconds,
       extract(milliseconds from ts - timestamp '2001-01-01 12:00:00') AS ms, extract(microseconds from ts - timestamp '2001-01-01 12:00:00') AS us,
       date_part('epoch', ts - timestamp '2001-01-01 12:00:00') AS epoch, date_part('day', ts - timestamp '2001-01-01 12:00:00') AS day_part,
       extract(month from ts - timestamp '2001-01-01 12:00:00') AS months, extract(quarter from ts - timestamp '2001-01-01 12:00:00') AS quarter
FROM (VALUES (timestamp '2001-01-03 13:05:07.5'), (timestamp '1999-12-31 10:58:52.25'), (timestamp '2001-01-01 12:00'),
             (timestamp '2001-01-02 11:59:59.999'), (NULL)) AS v(ts);
