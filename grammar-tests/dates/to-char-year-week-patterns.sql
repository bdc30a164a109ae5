-- to_char's year, century, week, day-of-year, Julian day and ISO patterns, with and
-- without FM: new year's days, a leap day, an ISO week of the year before, NULL
SELECT ts,
       to_char(ts, 'Y,YYY YYYY YYY YY Y CC Q MM WW W DDD DD D J') AS plain,
       to_char(ts, 'FMY,YYY FMYYYY FMYYY FMYY FMY FMCC FMMM FMWW FMDDD FMDD FMJ') AS fill_mode,
       to_char(ts, 'IYYY-IW-ID IDDD iyyy iw id iddd') AS iso,
       to_char(ts, 'yyyy y,yyy ddd ww j cc w') AS lower_case
FROM (VALUES (timestamp '2001-01-01 00:00:00.123'), (timestamp '1999-12-31 13:05:07'), (timestamp '2024-02-29 23:59:59.999'),
             (timestamp '1200-08-03 12:00:00'), (timestamp '2011-01-11 01:00'), (timestamp '2021-01-03 10:00'), (NULL)) AS v(ts);
