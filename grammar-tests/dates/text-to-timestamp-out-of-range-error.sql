-- error at 3:23
-- PostgreSQL: date/time field value out of range: "2023-02-29 08:00:00" (2023 is no leap year)
SELECT _id, day_text::timestamp AS t FROM measures WHERE _id = 8;
