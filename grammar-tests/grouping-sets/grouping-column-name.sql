-- ordered
-- an unaliased GROUPING(…) is named "grouping", as in PostgreSQL
SELECT status, grouping(status), count(*) FROM orders GROUP BY ROLLUP (status) ORDER BY 2, 1;
