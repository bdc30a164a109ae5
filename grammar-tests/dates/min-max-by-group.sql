SELECT type, min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS n FROM events GROUP BY type;
