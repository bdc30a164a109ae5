-- Customer analytics: who signs up, from which email providers, and what they are worth.
--
--   cd examples/customer-analytics
--   sqletl run job.sql                 # embedded engine over ./data/customers.json
--   sqletl explain job.sql             # the MongoDB pipelines, paste into mongosh
--   sqletl run job.sql --uri "$MONGODB_URI" --db shop

-- 1. Sign-ups per email domain and month since mid-2023, with their average value.
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

-- 2. Customers per country and value band: premium share and recency of logins.
SELECT
  profile.address.country                               AS country,
  CASE
    WHEN lifetime_value >= 1000 THEN 'gold'
    WHEN lifetime_value >= 250  THEN 'silver'
    ELSE 'bronze'
  END                                                   AS value_band,
  COUNT(*)                                              AS customers,
  SUM(CASE WHEN profile.premium THEN 1 ELSE 0 END)      AS premium,
  ROUND(AVG(orders), 1)                                 AS avg_orders,
  SUM(CASE WHEN EXTRACT(YEAR FROM registered_at) = 2024 THEN 1 ELSE 0 END) AS joined_2024,
  COALESCE(TO_CHAR(MAX(last_login), 'YYYY-MM-DD'), 'never') AS last_seen
FROM customers
GROUP BY 1, 2
HAVING COUNT(*) >= 2
ORDER BY customers DESC, country, value_band
LIMIT 10;
