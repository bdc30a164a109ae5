-- aggregates of a stored real column over no rows: NULL, count 0
SELECT avg(r) AS avg, max(r) AS max, min(r) AS min, stddev(r) AS sd, count(r) AS n FROM singles WHERE r > 1e30 AND r < 1e30;
