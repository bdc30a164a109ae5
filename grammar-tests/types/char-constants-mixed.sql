-- ordered
-- a quoted constant of at least n characters (not ending in a blank) beside character(n) in
-- CASE, COALESCE and UNION shows as it is, as in PostgreSQL (shorter ones are refused)
CREATE TABLE codes (id int, c char(3));
INSERT INTO codes VALUES (1, 'a'), (2, 'b'), (3, NULL);
SELECT id, CASE WHEN c = 'a  ' THEN 'yes' ELSE c END AS x, COALESCE(c, 'none') AS y, COALESCE(c, 'none') || '|' AS z FROM codes
UNION ALL SELECT 9, 'abcd', 'xyz', 'q'
ORDER BY 1;
