-- ordered
-- the seed-style analytics load, run twice: the second run updates instead of duplicating
CREATE TABLE customer_analytics (
  email_domain text, registration_month timestamptz, customer_tier text, activity_status text,
  customers int, avg_score numeric,
  PRIMARY KEY (email_domain, registration_month, customer_tier, activity_status)
);
INSERT INTO customer_analytics (email_domain, registration_month, customer_tier, activity_status, customers, avg_score)
WITH aggregated_metrics AS (
  SELECT split_part(email, '@', 2) AS email_domain, date_trunc('month', registered_at) AS registration_month,
         coalesce(tier, 'none') AS customer_tier,
         CASE WHEN 'vip' = ANY(tags) THEN 'vip' ELSE 'regular' END AS activity_status,
         count(*) AS customers, round(avg((profile->>'score')::numeric), 2) AS avg_score
  FROM customers WHERE email IS NOT NULL AND registered_at IS NOT NULL AND _id <= 15
  GROUP BY 1, 2, 3, 4
)
SELECT * FROM aggregated_metrics
ON CONFLICT (email_domain, registration_month, customer_tier, activity_status) DO UPDATE SET customers = EXCLUDED.customers, avg_score = EXCLUDED.avg_score;
INSERT INTO customer_analytics (email_domain, registration_month, customer_tier, activity_status, customers, avg_score)
WITH aggregated_metrics AS (
  SELECT split_part(email, '@', 2) AS email_domain, date_trunc('month', registered_at) AS registration_month,
         coalesce(tier, 'none') AS customer_tier,
         CASE WHEN 'vip' = ANY(tags) THEN 'vip' ELSE 'regular' END AS activity_status,
         count(*) AS customers, round(avg((profile->>'score')::numeric), 2) AS avg_score
  FROM customers WHERE email IS NOT NULL AND registered_at IS NOT NULL
  GROUP BY 1, 2, 3, 4
)
SELECT * FROM aggregated_metrics
ON CONFLICT (email_domain, registration_month, customer_tier, activity_status) DO UPDATE SET customers = EXCLUDED.customers, avg_score = EXCLUDED.avg_score;
SELECT * FROM customer_analytics ORDER BY email_domain, registration_month, customer_tier, activity_status;
