-- without DISTINCT every grouping set of the cross product counts, duplicates too
SELECT status, count(*) AS n FROM orders GROUP BY rollup(status), rollup(status);
