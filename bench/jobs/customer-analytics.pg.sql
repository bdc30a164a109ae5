-- customer-analytics.sql in PostgreSQL's spelling (nested paths as ->/->>).

-- query: signups
WITH recent AS (
  SELECT
    first_name || ' ' || last_name                      AS full_name,
    LOWER(SPLIT_PART(email, '@', 2))                    AS domain,
    DATE_TRUNC('month', registered_at)                  AS month,
    COALESCE(lifetime_value, 0)                         AS value,
    CASE
      WHEN lifetime_value >= 1000 THEN 'gold'
      WHEN lifetime_value >= 250  THEN 'silver'
      ELSE 'bronze'
    END                                                 AS value_band
  FROM customers
  WHERE registered_at >= DATE '2023-07-01'
)
SELECT
  domain,
  TO_CHAR(month, 'YYYY-MM')                             AS month,
  COUNT(*)                                              AS signups,
  ROUND(AVG(value), 2)                                  AS avg_value,
  MAX(value)                                            AS top_value
FROM recent
GROUP BY domain, month
HAVING COUNT(*) >= 2
ORDER BY month, signups DESC, domain;

-- query: bands
SELECT
  profile->'address'->>'country'                        AS country,
  CASE
    WHEN lifetime_value >= 1000 THEN 'gold'
    WHEN lifetime_value >= 250  THEN 'silver'
    ELSE 'bronze'
  END                                                   AS value_band,
  COUNT(*)                                              AS customers,
  SUM(CASE WHEN (profile->>'premium')::boolean THEN 1 ELSE 0 END) AS premium,
  ROUND(AVG(orders), 1)                                 AS avg_orders,
  SUM(CASE WHEN EXTRACT(YEAR FROM registered_at) = 2024 THEN 1 ELSE 0 END) AS joined_2024,
  COALESCE(TO_CHAR(MAX(last_login), 'YYYY-MM-DD'), 'never') AS last_seen
FROM customers
GROUP BY 1, 2
HAVING COUNT(*) >= 2
ORDER BY customers DESC, country, value_band;

-- query: cohorts
WITH paying AS (
  SELECT
    profile->'address'->>'country'                      AS country,
    DATE_TRUNC('quarter', registered_at)                AS cohort,
    lifetime_value,
    orders
  FROM customers
  WHERE tier <> 'free' AND last_login IS NOT NULL
),
per_cohort AS (
  SELECT country, cohort, COUNT(*) AS n, SUM(lifetime_value) AS revenue, AVG(orders) AS avg_orders
  FROM paying
  GROUP BY country, cohort
)
SELECT
  country,
  COUNT(*)                                              AS cohorts,
  SUM(n)                                                AS customers,
  ROUND(SUM(revenue), 2)                                AS revenue,
  ROUND(AVG(avg_orders), 2)                             AS avg_orders
FROM per_cohort
GROUP BY country
HAVING SUM(n) >= 10
ORDER BY revenue DESC, country;
