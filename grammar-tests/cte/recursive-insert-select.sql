-- INSERT … SELECT from a WITH RECURSIVE query (the leading WITH belongs to the INSERT), then read back
CREATE TABLE chain_rows (id int, depth int, path text);
WITH RECURSIVE t(id, depth, path) AS (
  SELECT _id, 0, name FROM employees WHERE _id = 2
  UNION ALL
  SELECT e._id, t.depth + 1, t.path || '/' || e.name FROM employees e JOIN t ON e.manager_id = t.id
)
INSERT INTO chain_rows SELECT id, depth, path FROM t;
SELECT id, depth, path FROM chain_rows;
