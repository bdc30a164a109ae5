-- error at 3:24
-- NATURAL JOIN is not supported yet (spell the condition out)
SELECT * FROM orders o NATURAL JOIN customers c;
