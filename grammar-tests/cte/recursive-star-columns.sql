-- SELECT * in both terms over a declared table, a column list naming fewer columns than the terms give, and the CTE read with *
WITH RECURSIVE under_ben(top_name) AS (
  SELECT name, * FROM employees WHERE name = 'Ben'
  UNION ALL
  SELECT u.top_name, e.* FROM employees e, under_ben u WHERE e.manager_id = u._id
)
SELECT * FROM under_ben;
