-- ordered
SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY n DESC, status NULLS FIRST;
