-- to_timestamp(text, template): month and day names, FM, quoted text, a quoted letter
-- between packed fields
SELECT to_timestamp('1985 January 12', 'YYYY FMMonth DD') AS month_name,
       to_timestamp('97/2/16 8:14:30', 'FMYY/FMMM/FMDD FMHH:FMMI:FMSS') AS fill_mode,
       to_timestamp('My birthday-> Year: 1976, Month: May, Day: 16', '"My birthday-> Year" YYYY, "Month:" FMMonth, "Day:" DD') AS quoted,
       to_timestamp('2000January09Sunday', 'YYYYFMMonthDDFMDay') AS day_name,
       to_timestamp('20000101T101112', 'YYYYMMDD"T"HH24MISS') AS packed;
