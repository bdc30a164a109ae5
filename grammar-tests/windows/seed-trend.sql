-- ordered
-- The seed-style trend query: monthly registrations per tier with LAG over the
-- grouped counts (1 and 12 months back), month-over-month growth, and a CTE of
-- PERCENT_RANK / ROW_NUMBER / FIRST_VALUE over customers feeding the aggregation.
WITH ranked AS (
  SELECT _id, tier, registered_at,
         percent_rank() OVER (PARTITION BY tier ORDER BY registered_at) AS tenure_rank,
         row_number() OVER (PARTITION BY tier ORDER BY registered_at, _id) AS signup_no,
         first_value(registered_at) OVER (PARTITION BY tier ORDER BY registered_at, _id) AS first_signup
  FROM customers
  WHERE registered_at IS NOT NULL
),
monthly AS (
  SELECT coalesce(tier, 'none') AS tier,
         date_trunc('month', registered_at) AS month,
         count(*) AS registrations,
         min(first_signup) AS first_signup,
         round(avg(tenure_rank)::numeric, 4) AS avg_tenure_rank
  FROM ranked
  GROUP BY coalesce(tier, 'none'), date_trunc('month', registered_at)
)
SELECT tier, month, registrations,
       lag(registrations, 1) OVER (PARTITION BY tier ORDER BY month) AS prev_month,
       lag(registrations, 12) OVER (PARTITION BY tier ORDER BY month) AS prev_year,
       round((registrations - lag(registrations, 1) OVER (PARTITION BY tier ORDER BY month)) * 100.0
             / lag(registrations, 1) OVER (PARTITION BY tier ORDER BY month), 2) AS mom_growth_pct,
       first_signup, avg_tenure_rank
FROM monthly
ORDER BY tier, month;
