-- error at 3:46
-- PostgreSQL's pattern DDD (day of the year) is refused, not copied into the text
SELECT _id, to_char(ordered_at, 'YYYY-MM-DD (DDD)') AS d FROM orders;
