-- ordered
-- interval result columns print as PostgreSQL prints them (IntervalStyle postgres):
-- constants with mixed signs, years and months, hours past 24, fractions, zero, NULL,
-- a number without a unit (seconds, or days before a time)
SELECT _id,
  INTERVAL '01:00' AS one_hour,
  INTERVAL '-08:00' AS minus_eight,
  INTERVAL '-1 days +02:03' AS mixed,
  INTERVAL '10 years -11 month -12 days +13:14' AS years_months,
  INTERVAL '-1 year -1 mon' AS negative_year,
  INTERVAL '1 mon -1 day' AS month_minus_day,
  INTERVAL '0' AS zero,
  INTERVAL '-05' AS bare_seconds,
  INTERVAL '-1 +02:03' AS bare_days,
  INTERVAL '1.25 seconds' AS fraction,
  INTERVAL '25 hours' AS past_a_day,
  INTERVAL '1 day' AS one_day,
  NULL::interval AS nothing
FROM orders WHERE _id <= 102 ORDER BY _id;
