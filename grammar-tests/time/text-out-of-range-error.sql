-- error at 3:21
-- text read as time when the row is read: PostgreSQL's error for 24:00:01 (only 24:00:00 is past 23:59)
SELECT v, CAST(v AS time) AS t FROM (VALUES ('23:00'), ('24:00:01')) AS x(v);
