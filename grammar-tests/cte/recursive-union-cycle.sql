-- the mentor graph has cycles (1→3→2→1, 6→6, 8↔9): UNION drops the rows already found, so the recursion ends
WITH RECURSIVE reach(start_id, id) AS (
  SELECT _id, mentor_id FROM employees WHERE mentor_id IS NOT NULL
  UNION
  SELECT r.start_id, e.mentor_id FROM reach r JOIN employees e ON e._id = r.id WHERE e.mentor_id IS NOT NULL
)
SELECT start_id, id FROM reach;
