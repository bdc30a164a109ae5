-- error at 3:13
-- PostgreSQL refuses a constant that names no day: date/time field value out of range: "2024-02-30"
SELECT DATE '2024-02-30' AS d, '2023-02-29'::date AS e;
