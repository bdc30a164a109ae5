-- several WITH items, one recursive: it reads an earlier plain item, and a later plain item reads it
WITH RECURSIVE eng AS (
  SELECT _id, manager_id FROM employees WHERE dept = 'eng'
),
chain(id, top, steps) AS (
  SELECT _id, _id, 0 FROM eng
  UNION ALL
  SELECT c.id, e.manager_id, c.steps + 1 FROM chain c JOIN eng e ON e._id = c.top WHERE e.manager_id IS NOT NULL
),
deepest AS (
  SELECT id, max(steps) AS steps FROM chain GROUP BY id
)
SELECT d.id, d.steps, c.top FROM deepest d JOIN chain c ON c.id = d.id AND c.steps = d.steps;
