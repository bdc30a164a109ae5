-- constant intervals added, subtracted and negated as result columns: PostgreSQL adds
-- months, days and time apart, carrying none into another (`1 day -01:00:00`)
SELECT _id,
  interval '1 day' - interval '1 hour' AS day_less_hour,
  interval '1 year' + interval '-13 months' AS minus_one_month,
  - interval '1 day 02:00' AS negated,
  interval '1 mon' + interval '40 days' - interval '00:00:01.5' AS three_parts
FROM orders WHERE _id = 101;
