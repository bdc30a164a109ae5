-- GROUP BY over a CTE whose select list keeps its $project: city and score are each
-- read twice (key and COUNT; SUM, its count and MAX) and are not one simple operation,
-- so they are computed once. Missing cities (no city, no profile) group with the NULLs.
WITH c AS (
  SELECT profile->'address'->>'city' AS city, COALESCE((profile->>'score')::numeric, 0) AS score, UPPER(first_name) AS name, tier
  FROM customers
)
SELECT city, COUNT(*) AS n, COUNT(city) AS with_city, SUM(score) AS total, MAX(score) AS best, MIN(name) AS first_name,
       COUNT(*) FILTER (WHERE tier = 'gold') AS gold
FROM c
GROUP BY city
ORDER BY city;
