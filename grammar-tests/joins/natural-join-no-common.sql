-- no common column: a cross join; an empty side gives no rows
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) a(k, t) NATURAL JOIN (VALUES (10), (NULL)) b(m)
UNION ALL
SELECT * FROM (VALUES (1, 'a')) a(k, t) NATURAL JOIN (SELECT 5 AS m WHERE false) b;
