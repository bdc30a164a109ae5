-- try_cast(x AS type): NULL where PostgreSQL's input function would fail (PostgreSQL: CASE WHEN pg_input_is_valid(…) THEN … END)
CREATE TABLE dirty (id int PRIMARY KEY, v text);
INSERT INTO dirty VALUES (1, '12'), (2, ' 42 '), (3, 'N/A'), (4, ''), (5, NULL), (6, '-7'), (7, '2.5'), (8, '3000000000'), (9, '1e3'),
  (10, 'true'), (11, 'No'), (12, '2024-02-29'), (13, '2024-02-30'), (14, '2024-01-05 10:30:00'), (15, 'Infinity'), (16, '+0012');
SELECT id, v, CASE WHEN pg_input_is_valid(v, 'int4') THEN v::int END AS i, CASE WHEN pg_input_is_valid(v, 'int8') THEN v::bigint END AS b,
  CASE WHEN pg_input_is_valid(v, 'int2') THEN v::smallint END AS s, CASE WHEN pg_input_is_valid(v, 'numeric') THEN v::numeric END AS n,
  CASE WHEN pg_input_is_valid(v, 'float8') THEN v::double precision END AS f, CASE WHEN pg_input_is_valid(v, 'bool') THEN v::boolean END AS bo,
  CASE WHEN id IN (3, 4, 5, 10, 11, 12, 13, 14) THEN CASE WHEN pg_input_is_valid(v, 'date') THEN v::date END END AS d,
  CASE WHEN id IN (3, 4, 5, 10, 11, 12, 13, 14) THEN CASE WHEN pg_input_is_valid(v, 'timestamp') THEN v::timestamp END END AS ts
FROM dirty ORDER BY id;
