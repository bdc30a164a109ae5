-- a multi-row INSERT … VALUES reads a quoted literal as its target column's type, also beside numbers
-- (PostgreSQL's rule for INSERT; a plain VALUES list would take the numbers' type)
CREATE TABLE readings2 (id int, n numeric, f double precision, i bigint);
INSERT INTO readings2 VALUES (1, 2, 2.5, 7), (2, '1.25', 'Infinity', '8'), (3, 'NaN', '-inf', 9), (4, NULL, '1e3', '-10');
INSERT INTO readings2 (f, id) VALUES (1.5, 5), ('NaN', 6);
SELECT id, n, f, i FROM readings2;
