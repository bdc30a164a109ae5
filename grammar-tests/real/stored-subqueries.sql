-- ordered
-- the stored singles through a CTE, a subquery in FROM, IN and scalar subqueries
WITH s AS (SELECT _id, r FROM singles WHERE grp IN ('a', 'b'))
SELECT t._id, t.r, t.r::float8 AS exact, (SELECT max(r) FROM singles) AS top,
       t.r IN (SELECT r FROM singles WHERE _id = 2) AS like_two
FROM (SELECT * FROM s) t
WHERE t._id IN (SELECT _id FROM singles WHERE r > '0.1')
ORDER BY t._id;
