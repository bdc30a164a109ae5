-- ordered
SELECT status, count(*) AS n FROM orders GROUP BY ROLLUP (status) HAVING count(*) > 2 ORDER BY grouping(status), status NULLS LAST;
