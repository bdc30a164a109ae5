-- CREATE TABLE … AS over a WITH RECURSIVE query (UNION over the mentor cycles), then read back with another table
CREATE TABLE mentor_reach AS
WITH RECURSIVE r(start_id, id) AS (
  SELECT _id, mentor_id FROM employees WHERE mentor_id IS NOT NULL
  UNION
  SELECT r.start_id, e.mentor_id FROM r JOIN employees e ON e._id = r.id WHERE e.mentor_id IS NOT NULL
)
SELECT start_id, id FROM r;
SELECT m.start_id, e.name FROM mentor_reach m JOIN employees e ON e._id = m.id;
