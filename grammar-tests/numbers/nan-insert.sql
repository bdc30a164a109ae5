-- ordered
-- NaN and the infinities written into declared float8 and numeric columns: from text, constants and other columns
CREATE TABLE special_values (id int, f double precision, n numeric);
INSERT INTO special_values VALUES (1, 'NaN', 'NaN');
INSERT INTO special_values VALUES (2, ' -inf ', 'Infinity');
INSERT INTO special_values (id, f) VALUES (3, 'nan');
INSERT INTO special_values SELECT _id + 10, val, amt FROM readings WHERE _id IN (2, 3, 8);
SELECT id, f, n, f::text AS f_text FROM special_values ORDER BY f DESC, n, id;
