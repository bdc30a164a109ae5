-- the recursive result read twice and joined with itself: pairs of people with the same top manager, at the same depth (UNION ALL keeps the duplicate start rows of the non-recursive term)
WITH RECURSIVE up(id, top, depth) AS (
  SELECT _id, _id, 0 FROM employees
  UNION ALL
  SELECT u.id, e.manager_id, u.depth + 1 FROM up u JOIN employees e ON e._id = u.top WHERE e.manager_id IS NOT NULL
),
roots AS (
  SELECT id, top, depth FROM up u WHERE depth = (SELECT max(depth) FROM up u2 WHERE u2.id = u.id)
)
SELECT a.id AS a, b.id AS b, a.top, a.depth
FROM roots a JOIN roots b ON a.top = b.top AND a.depth = b.depth AND a.id < b.id;
