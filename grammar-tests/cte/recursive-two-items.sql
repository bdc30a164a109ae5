-- two recursive items in one WITH, the second reading the first; joined with LEFT JOIN … USING
WITH RECURSIVE
  x(id) AS (VALUES (1) UNION ALL SELECT id + 1 FROM x WHERE id < 5),
  y(id) AS (VALUES (1) UNION ALL SELECT id + 1 FROM x WHERE id < 10)
SELECT y.id AS y_id, x.id AS x_id FROM y LEFT JOIN x USING (id);
