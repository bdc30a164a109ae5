-- PostgreSQL weeks start on Monday
SELECT _id, date_trunc('year', ts) AS y, date_trunc('quarter', ts) AS q, date_trunc('week', ts) AS w,
       date_trunc('day', ts) AS d, date_trunc('hour', ts) AS h, date_trunc('minute', ts) AS mi
FROM events;
