-- HAVING with no GROUP BY and no aggregate: PostgreSQL never reads the rows (one row when
-- HAVING holds, none otherwise), so a WHERE that would divide by zero is never evaluated
SELECT 1 AS one FROM orders WHERE 1 / (quantity - quantity) = 1 HAVING 1 < 2
UNION ALL
SELECT 2 FROM orders WHERE 1 / (quantity - quantity) = 1 HAVING 1 > 2
UNION ALL
SELECT 3 FROM orders WHERE false HAVING true
UNION ALL
SELECT 4 FROM orders WHERE quantity > 1000000 HAVING count(*) = 0;
