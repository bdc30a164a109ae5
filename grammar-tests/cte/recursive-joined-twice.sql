-- the recursive result joined with another table and read twice by the outer query (the subordinates of each manager, with the manager's department)
WITH RECURSIVE sub(boss, id) AS (
  SELECT manager_id, _id FROM employees WHERE manager_id IS NOT NULL
  UNION ALL
  SELECT s.boss, e._id FROM sub s JOIN employees e ON e.manager_id = s.id
)
SELECT b.name AS boss, b.dept, count(*) AS reports,
       (SELECT count(*) FROM sub s2 WHERE s2.boss = b._id AND s2.id > 5) AS later_reports
FROM sub s JOIN employees b ON b._id = s.boss
GROUP BY b._id, b.name, b.dept;
