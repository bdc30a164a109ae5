-- pg_input_is_valid(text, 'type'): whether the type's input function reads the text (NULL text: NULL);
-- numbers past a double's range or so small they would be 0, blanks around, signs, duplicates
CREATE TABLE dirty (id int PRIMARY KEY, v text);
INSERT INTO dirty VALUES (1, '34.5'), (2, 'xyz'), (3, '1e4000'), (4, 'abcd  '), (5, 'abcde'), (6, NULL), (7, ' 12 '), (8, '2147483648'),
  (9, 'true'), (10, 'No'), (11, ''), (12, '-32768'), (13, '-1e-400'), (14, '2.5e-300'), (15, 'NaN'), (16, '-Infinity'), (17, 'ab'), (18, '34.5');
SELECT id, v, pg_input_is_valid(v, 'float8') AS f8, pg_input_is_valid(v, 'double precision') AS dp, pg_input_is_valid(v, 'int4') AS i4,
  pg_input_is_valid(v, 'smallint') AS i2, pg_input_is_valid(v, 'bigint') AS i8, pg_input_is_valid(v, 'boolean') AS b,
  pg_input_is_valid(v, 'text') AS t, pg_input_is_valid(v, 'varchar(4)') AS vc4, pg_input_is_valid(v, 'character varying') AS vc,
  pg_input_is_valid(v, 'char(2)') AS c2, pg_input_is_valid(v, 'char') AS c1,
  CASE WHEN id NOT IN (3, 13) THEN pg_input_is_valid(v, 'numeric') END AS n
FROM dirty ORDER BY id;
