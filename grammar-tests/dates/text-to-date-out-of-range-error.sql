-- error at 3:30
-- PostgreSQL: date/time field value out of range: "2024-02-30" ($toDate would roll it over to March 1st)
SELECT _id, CAST(day_text AS date) AS d FROM measures WHERE _id IN (1, 7);
