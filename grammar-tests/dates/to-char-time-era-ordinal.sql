-- to_char's seconds of the day, fractions, AM/PM and AD/BC in each spelling, Roman
-- months (padded to 4 unless FM) and the TH/th ordinal suffix (11th, 12th, 13th, 21st)
SELECT ts,
       to_char(ts, 'HH HH12 HH24 MI SS SSSS SSSSS US FF1 FF2 FF3 FF4 FF5 FF6') AS times,
       to_char(ts, 'YYYY A.D. a.d. bc AD HH:MI:SS P.M. p.m. pm AM am') AS meridiem,
       to_char(ts, 'RM|rm|FMRM|FMrm') AS roman,
       to_char(ts, 'DDth DDTH FMDDth Yth MMth HH24th DDDth') AS ordinals
FROM (VALUES (timestamp '2001-01-01 00:00:00.123'), (timestamp '1999-12-31 13:05:07'), (timestamp '2024-02-29 23:59:59.999'),
             (timestamp '1200-08-03 12:00:00'), (timestamp '2011-01-11 01:00'), (timestamp '2021-01-12 10:00'), (timestamp '2021-01-13 11:00'),
             (timestamp '2021-04-21 12:00'), (timestamp '2021-06-22 00:00'), (timestamp '2021-09-23 00:00'), (NULL)) AS v(ts);
