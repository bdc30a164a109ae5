-- error at 3:16
-- PostgreSQL: a time has no day
SELECT extract(day FROM TIME '10:00') FROM orders;
