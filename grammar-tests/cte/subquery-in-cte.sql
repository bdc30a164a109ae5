WITH recent AS (
  SELECT s._id, s.y FROM (SELECT _id, extract(year FROM ordered_at) AS y FROM orders) AS s WHERE s.y = 2024
)
SELECT count(*) FROM recent;
