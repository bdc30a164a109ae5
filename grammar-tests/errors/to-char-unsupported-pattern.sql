-- error at 3:46
-- PostgreSQL's pattern TZ (the time zone's abbreviation) is refused, not copied into the text
SELECT _id, to_char(ordered_at, 'YYYY-MM-DD (TZ)') AS d FROM orders;
