-- GROUP BY DISTINCT drops the grouping sets the cross product yields twice:
-- rollup(status), rollup(status) is (status), (status), (status), () — DISTINCT keeps (status), ()
SELECT status, count(*) AS n FROM orders GROUP BY DISTINCT rollup(status), rollup(status);
