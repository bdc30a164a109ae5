-- GROUP BY a stored real column: 1.1 and 1.1000000001 are one single (two doubles)
SELECT r, count(*) AS n, min(_id) AS first FROM singles GROUP BY r;
