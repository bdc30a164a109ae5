-- try_cast(x AS type): NULL where PostgreSQL's input function would fail (PostgreSQL: CASE WHEN pg_input_is_valid(…) THEN … END)
CREATE TABLE dirty (id int PRIMARY KEY, v text);
INSERT INTO dirty VALUES (1, '12'), (2, ' 42 '), (3, 'N/A'), (4, ''), (5, NULL), (6, '-7'), (7, '2.5'), (8, '3000000000'), (9, '1e3'),
  (10, 'true'), (11, 'No'), (12, '2024-02-29'), (13, '2024-02-30'), (14, '2024-01-05 10:30:00'), (15, 'Infinity'), (16, '+0012');
SELECT id, v, try_cast(v AS int) AS i, try_cast(v AS bigint) AS b, try_cast(v AS smallint) AS s, try_cast(v AS numeric) AS n,
  try_cast(v AS double precision) AS f, try_cast(v AS boolean) AS bo, CASE WHEN id IN (3, 4, 5, 10, 11, 12, 13, 14) THEN try_cast(v AS date) END AS d,
  CASE WHEN id IN (3, 4, 5, 10, 11, 12, 13, 14) THEN try_cast(v AS timestamp) END AS ts
FROM dirty ORDER BY id;
