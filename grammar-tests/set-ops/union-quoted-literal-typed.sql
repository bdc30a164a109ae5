-- ordered
-- a quoted literal in one branch takes the type of the other branch's column: '100' is the integer 100
-- (so UNION removes it as a duplicate) and '7.5' a numeric
SELECT quantity AS q, amount AS a FROM orders WHERE quantity IS NOT NULL
UNION
SELECT '100', '7.5'
UNION
SELECT '1', '89.0'
ORDER BY q DESC, a
LIMIT 6;
