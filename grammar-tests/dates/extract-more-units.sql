-- EXTRACT / date_part units in PostgreSQL's other spellings (msec, usec, secs, HOURS,
-- qtr, mils) and the units microseconds, millennium and julian (the time as a fraction
-- of the day), over timestamps and dates, before and after 1970, a leap day, NULL
SELECT ts,
       date_part('msec', ts) AS msec, date_part('usec', ts) AS usec, extract(microseconds from ts) AS micro,
       extract(millennium from ts) AS millennium, extract(julian from ts) AS julian, extract(julian from ts::date) AS julian_date,
       date_part('secs', ts) AS secs, date_part('HOURS', ts) AS hours, date_part('qtr', ts) AS qtr, date_part('mils', ts) AS mils,
       date_part('millisecond', ts) AS millisecond
FROM (VALUES (timestamp '2001-01-01 12:00:00.123'), (timestamp '1999-12-31 13:05:07'), (timestamp '1960-02-29 23:59:59.999'),
             (timestamp '2000-01-01 00:00:00'), (NULL)) AS v(ts);
