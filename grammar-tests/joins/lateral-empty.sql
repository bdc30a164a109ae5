-- an empty left side gives no rows, an always-empty LATERAL subquery none for an inner join
-- and one NULL row per left row for a LEFT JOIN
SELECT 'inner' AS j, c._id, x.v
FROM customers c, LATERAL (SELECT c._id AS v WHERE false) x
UNION ALL
SELECT 'left', c._id, x.v
FROM customers c LEFT JOIN LATERAL (SELECT c._id AS v WHERE false) x ON true
WHERE c._id < 4
UNION ALL
SELECT 'empty-left', c._id, x.v
FROM (SELECT * FROM customers WHERE false) c, LATERAL (SELECT 1 AS v) x;
