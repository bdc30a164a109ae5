-- error at 4:8
-- postgres-error
-- HH is the 12-hour clock: 13 is PostgreSQL's error
SELECT to_timestamp(s, 'YYYY-MM-DD HH:MI') AS ts FROM (VALUES ('2023-01-01 12:00'), ('2023-01-01 13:00')) AS v(s);
