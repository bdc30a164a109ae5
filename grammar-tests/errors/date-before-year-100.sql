-- error at 3:13
-- a date before the year 100 is refused at the literal (it was read as 1950: JavaScript's Date.UTC reads years 0–99 as 19xx)
SELECT DATE '0050-06-15' + INTERVAL '1 month' AS d;
