-- error at 4:8
-- postgres-error
-- a day the month does not have: PostgreSQL's error ($dateFromParts would carry it into March)
SELECT to_timestamp(s, 'YYYY-MM-DD') AS ts FROM (VALUES ('2023-01-30'), ('2023-02-30')) AS v(s);
