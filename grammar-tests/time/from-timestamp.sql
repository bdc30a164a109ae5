-- ordered
-- a timestamp cast to time: its time of day (UTC), rounded by time(p); a time cast to
-- text is PostgreSQL's text of it
SELECT _id, ordered_at::time AS t, ordered_at::time(0) AS t0, ordered_at::time::text || '!' AS shown
FROM orders ORDER BY _id;
