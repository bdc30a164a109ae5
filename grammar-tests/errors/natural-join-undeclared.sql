-- error at 4:24
-- no-schema
-- NATURAL JOIN needs both sides' columns: without declared columns it is refused
SELECT * FROM orders o NATURAL JOIN customers c;
