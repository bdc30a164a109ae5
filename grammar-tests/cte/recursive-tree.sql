-- the reporting tree from its roots (NULL manager): depth and the path of names (a NULL name makes the path NULL below it); 10's manager does not exist
WITH RECURSIVE tree AS (
  SELECT _id, name, manager_id, 0 AS depth, name AS path FROM employees WHERE manager_id IS NULL
  UNION ALL
  SELECT e._id, e.name, e.manager_id, t.depth + 1, t.path || ' > ' || e.name
  FROM employees e JOIN tree t ON e.manager_id = t._id
)
SELECT _id, name, manager_id, depth, path FROM tree;
