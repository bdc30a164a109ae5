-- a plain item over a recursive one (read twice), and a recursive one over the plain one
WITH RECURSIVE
  x(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM x WHERE id < 3),
  y(id) AS (SELECT * FROM x UNION ALL SELECT * FROM x),
  z(id) AS (SELECT * FROM y UNION ALL SELECT id + 1 FROM z WHERE id < 10)
SELECT id, count(*) AS n FROM z GROUP BY id;
