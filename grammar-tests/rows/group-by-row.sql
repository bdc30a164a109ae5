-- ordered
-- GROUP BY (a, b) is grouping by a and b; GROUP BY ROW(a, b) groups by the row value;
-- DISTINCT over a row value; ORDER BY a row sorts by its fields, NULL fields last
-- ascending and first descending
-- ordered
SELECT ROW(status, quantity > 2) AS r, count(*) AS n FROM orders GROUP BY ROW(status, quantity > 2) ORDER BY ROW(status, quantity > 2) DESC, 2;
