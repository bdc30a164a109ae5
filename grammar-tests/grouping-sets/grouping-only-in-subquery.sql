-- GROUPING() of the enclosing query's column only inside a subquery (no GROUPING() of its own)
SELECT status, count(*) AS n, (SELECT grouping(status)) AS g FROM orders GROUP BY ROLLUP(status);
