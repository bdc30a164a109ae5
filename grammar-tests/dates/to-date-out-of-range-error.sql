-- error at 3:8
-- PostgreSQL: date/time field value out of range: "2/30/2023"; $dateFromParts would carry it into March
SELECT to_date(s, 'MM/DD/YYYY') AS d FROM (VALUES ('1/30/2023'), ('2/30/2023')) AS v(s);
